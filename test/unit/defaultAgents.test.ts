import { complaintPolicy } from '../../workflows/complaints/policy';
import { defaultAgents } from '../../db/seedAgents';

describe("the local stack's agents", () => {
  it('have every skill the standard complaint rules route to', () => {
    const { skillByCategory, defaultSkill } = complaintPolicy.profiles.standard;
    const skills = new Set(defaultAgents.flatMap((agent) => agent.skills));

    for (const skill of [...Object.values(skillByCategory), defaultSkill]) expect(skills).toContain(skill);
  });
});
