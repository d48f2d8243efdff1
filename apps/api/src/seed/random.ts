/** A small seeded PRNG (mulberry32): the same `--seed` always generates the same province. */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建文辉力国鹏宇浩凯晨欣怡雪梅琳婷颖晶博思远志新宏亮斌海波峰俊雷瑞佳慧蕾琪倩璐彤';

/** A plausible Chinese personal name: one surname and one or two given-name characters. */
export function chineseName(random: Random): string {
  const surname = random.pick([...SURNAMES]);
  const given = [...GIVEN];
  return random.next() < 0.6 ? surname + random.pick(given) + random.pick(given) : surname + random.pick(given);
}

export function mobilePhone(random: Random): string {
  const prefixes = [
    '130',
    '131',
    '132',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '155',
    '158',
    '159',
    '177',
    '186',
    '187',
    '188',
    '189',
  ];
  return random.pick(prefixes) + String(random.int(0, 99_999_999)).padStart(8, '0');
}
