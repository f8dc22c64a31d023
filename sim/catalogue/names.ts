import type { Language } from '../../activities/types';
import type { Random } from './random';

/**
 * Names of the simulated customers: Chinese names in characters for customers who read Chinese,
 * Latin ones for the others. Each name part carries the ASCII spelling an email address would use.
 */

type NamePart = readonly [written: string, ascii: string];

const chineseFamilyNames: readonly NamePart[] = [
  ['王', 'wang'], ['李', 'li'], ['张', 'zhang'], ['刘', 'liu'], ['陈', 'chen'], ['杨', 'yang'], ['黄', 'huang'],
  ['赵', 'zhao'], ['吴', 'wu'], ['周', 'zhou'], ['徐', 'xu'], ['孙', 'sun'], ['马', 'ma'], ['朱', 'zhu'],
  ['胡', 'hu'], ['郭', 'guo'], ['何', 'he'], ['林', 'lin'], ['高', 'gao'], ['罗', 'luo'],
];
const chineseGivenNames: readonly NamePart[] = [
  ['芳', 'fang'], ['娜', 'na'], ['伟', 'wei'], ['洋', 'yang'], ['敏', 'min'], ['静', 'jing'], ['磊', 'lei'],
  ['强', 'qiang'], ['军', 'jun'], ['丽', 'li'], ['艳', 'yan'], ['杰', 'jie'], ['涛', 'tao'], ['明', 'ming'],
  ['超', 'chao'], ['秀英', 'xiuying'], ['婷', 'ting'], ['浩', 'hao'], ['宇', 'yu'], ['晨', 'chen'],
  ['欣怡', 'xinyi'], ['子涵', 'zihan'], ['梓轩', 'zixuan'], ['思雨', 'siyu'], ['建华', 'jianhua'],
  ['国强', 'guoqiang'], ['海燕', 'haiyan'], ['雪梅', 'xuemei'], ['俊杰', 'junjie'], ['佳怡', 'jiayi'],
];

const latinFirstNames = [
  'Anna', 'James', 'Sofia', 'Lukas', 'Emma', 'Oliver', 'Mia', 'Noah', 'Lea', 'Jonas', 'Charlotte', 'Matteo',
  'Elena', 'Finn', 'Clara', 'Marco', 'Hannah', 'Leon', 'Isabella', 'Paul', 'Julia', 'Thomas', 'Laura',
  'Daniel', 'Sarah', 'Giulia', 'Pierre', 'Chloé', 'Mateo', 'Zoë',
];
const latinLastNames = [
  'Müller', 'Carter', 'Rossi', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Becker', 'Smith', 'Johnson',
  'Brown', 'Bianchi', 'Romano', 'Dubois', 'Martin', 'Novak', 'Hoffmann', 'Wagner', 'Taylor', 'Wilson',
  'García', 'Fernández', 'Jansen', 'Kowalski', 'Nielsen', "O'Brien", 'Lefèvre', 'Bauer',
];

/** Müller → muller, O'Brien → obrien: what fits in an email address. */
function ascii(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

export interface PersonName {
  name: string;
  /** given.family in ASCII, for the email address. */
  handle: string;
}

export function personName(random: Random, language: Language): PersonName {
  if (language === 'zh-CN') {
    const [family, familyAscii] = random.pick(chineseFamilyNames);
    const [given, givenAscii] = random.pick(chineseGivenNames);
    return { name: `${family}${given}`, handle: `${givenAscii}.${familyAscii}` };
  }
  const first = random.pick(latinFirstNames);
  const last = random.pick(latinLastNames);
  return { name: `${first} ${last}`, handle: `${ascii(first)}.${ascii(last)}` };
}
