import { confidence, gramsOf } from '../../domain/knowledgeSearch';

describe('knowledge search grams and confidence', () => {
  it('cuts Chinese into characters and neighbour pairs, ending a run at a filler character', () => {
    expect([...gramsOf('我的手机').keys()].sort()).toEqual(['手', '手机', '机'].sort());
  });

  it('cuts other words into padded trigrams, folding width, case and apostrophes, and drops filler words', () => {
    expect([...gramsOf("my ＴＶ won't").keys()].sort()).toEqual(['  t', ' tv', 'tv ', '  w', ' wo', 'won', 'ont', 'nt '].sort());
  });

  it('scores an article asked by its title 1, a paraphrase between, and nothing shared 0', () => {
    const article = { title: '手机无法充电', body: '手机充不进电时请更换充电线。' };

    expect(confidence(gramsOf('手机无法充电'), article)).toBe(1);
    expect(confidence(gramsOf('我的手机充不进电'), article)).toBeGreaterThan(0.5);
    expect(confidence(gramsOf('我的手机充不进电'), article)).toBeLessThan(1);
    expect(confidence(gramsOf('退货期限'), article)).toBe(0);
    expect(confidence(gramsOf('的了吗'), article)).toBe(0);
  });

  it('counts a gram found only in the body less than one in the title', () => {
    const inTitle = confidence(gramsOf('charger'), { title: 'Charger', body: 'x' });
    const inBody = confidence(gramsOf('charger'), { title: 'Power', body: 'charger' });

    expect(inBody).toBeLessThan(inTitle);
    expect(inBody).toBeGreaterThan(0);
  });
});
