import { describe, expect, it } from 'vitest';
import { CAUSE_CATEGORIES, CAUSES, type Cause, causeByCode, causeCode, causePath, childrenOf, isCauseCode } from './causes.js';

const of = (category: Cause['category'], level?: number) =>
  CAUSES.filter((c) => c.category === category && (level === undefined || c.level === level));

describe('catalogue integrity', () => {
  it('codes are unique', () => {
    expect(new Set(CAUSES.map((c) => c.code)).size).toBe(CAUSES.length);
  });

  it('every parent exists, has the same category and a level one less', () => {
    for (const cause of CAUSES) {
      if (cause.parent === null) {
        expect(cause.level, cause.code).toBe(1);
        continue;
      }
      const parent = causeByCode(cause.parent);
      expect(parent, `${cause.code} → ${cause.parent}`).toBeDefined();
      expect(parent?.level, cause.code).toBe(cause.level - 1);
      expect(parent?.category, cause.code).toBe(cause.category);
    }
  });

  it('parents come before their children', () => {
    const seen = new Set<string>();
    for (const cause of CAUSES) {
      if (cause.parent !== null) expect(seen.has(cause.parent), cause.code).toBe(true);
      seen.add(cause.code);
    }
  });

  it('no duplicate Chinese or English names within a parent', () => {
    for (const parent of [null, ...CAUSES.map((c) => c.code)]) {
      const children = childrenOf(parent);
      expect(new Set(children.map((c) => c.name.zh)).size, `zh under ${parent}`).toBe(children.length);
      expect(new Set(children.map((c) => c.name.en)).size, `en under ${parent}`).toBe(children.length);
    }
  });

  it('codes follow the scheme of their category', () => {
    const patterns: Record<Cause['category'], RegExp> = {
      civil: /^C\d{2}(\.\d{2}(\.\d{3}(\.\d{2})?)?)?$/,
      criminal: /^X\d{2}(\.\d{2}(\.\d{2})?)?$/,
      administrative: /^A\d{2}(\.\d{2}(\.\d{2})?)?$/,
    };
    for (const cause of CAUSES) expect(cause.code, cause.code).toMatch(patterns[cause.category]);
  });

  it('names are filled in, trimmed, and Chinese names contain no ASCII letters', () => {
    for (const { code, name } of CAUSES) {
      expect(name.zh.trim(), code).toBe(name.zh);
      expect(name.en.trim(), code).toBe(name.en);
      expect(name.zh.length, code).toBeGreaterThan(1);
      expect(name.en.length, code).toBeGreaterThan(3);
      expect(name.zh, code).not.toMatch(/[A-Za-z]/);
    }
  });

  it('every category is present', () => {
    for (const category of CAUSE_CATEGORIES) expect(of(category).length).toBeGreaterThan(0);
  });
});

describe('civil (《民事案件案由规定》 2020)', () => {
  it('has the 11 parts in order', () => {
    expect(of('civil', 1).map((c) => c.name.zh)).toEqual([
      '人格权纠纷',
      '婚姻家庭、继承纠纷',
      '物权纠纷',
      '合同、准合同纠纷',
      '知识产权与竞争纠纷',
      '劳动争议、人事争议',
      '海事海商纠纷',
      '与公司、证券、保险、票据等有关的民事纠纷',
      '侵权责任纠纷',
      '非讼程序案件案由',
      '特殊诉讼程序案件案由',
    ]);
  });

  it('has all 54 sections, numbered 1–54 in order across the parts', () => {
    const sections = of('civil', 2);
    expect(sections).toHaveLength(54);
    expect(sections.map((c) => Number(c.code.slice(4)))).toEqual(Array.from({ length: 54 }, (_, i) => i + 1));
    expect(childrenOf('C03').map((c) => c.name.zh)).toEqual([
      '不动产登记纠纷',
      '物权保护纠纷',
      '所有权纠纷',
      '用益物权纠纷',
      '担保物权纠纷',
      '占有保护纠纷',
    ]);
    expect(childrenOf('C08').map((c) => c.name.zh)).toEqual([
      '与企业有关的纠纷',
      '与公司有关的纠纷',
      '合伙企业纠纷',
      '与破产有关的纠纷',
      '证券纠纷',
      '期货交易纠纷',
      '信托纠纷',
      '保险纠纷',
      '票据纠纷',
      '信用证纠纷',
      '独立保函纠纷',
    ]);
  });

  it('has at least 150 third-level causes (in fact all 473, numbered in order)', () => {
    const causes = of('civil', 3);
    expect(causes.length).toBeGreaterThanOrEqual(150);
    expect(causes.map((c) => Number(c.code.slice(7)))).toEqual(Array.from({ length: 473 }, (_, i) => i + 1));
  });

  it('fourth-level causes keep their official (n) numbers, ascending within a parent', () => {
    for (const parent of of('civil', 3)) {
      const numbers = childrenOf(parent.code).map((c) => Number(c.code.slice(-2)));
      expect(numbers, parent.code).toEqual([...numbers].sort((a, b) => a - b));
    }
  });

  it.each([
    ['离婚纠纷', '婚姻家庭纠纷', 3],
    ['民间借贷纠纷', '合同纠纷', 4],
    ['金融借款合同纠纷', '合同纠纷', 4],
    ['买卖合同纠纷', '合同纠纷', 3],
    ['房屋租赁合同纠纷', '合同纠纷', 4],
    ['机动车交通事故责任纠纷', '侵权责任纠纷', 3],
    ['劳动合同纠纷', '劳动争议', 3],
    ['物业服务合同纠纷', '合同纠纷', 3],
    ['建设工程施工合同纠纷', '合同纠纷', 4],
    ['追索劳动报酬纠纷', '劳动争议', 4],
    ['信用卡纠纷', '合同纠纷', 4],
    ['股权转让纠纷', '与公司有关的纠纷', 3],
    ['提供劳务者受害责任纠纷', '侵权责任纠纷', 3],
    ['申请司法确认调解协议', '确认调解协议案件', 3],
    ['案外人执行异议之诉', '执行程序中的异议之诉', 4],
  ] as const)('%s sits under %s at level %i', (zh, section, level) => {
    const matches = CAUSES.filter((c) => c.category === 'civil' && c.name.zh === zh);
    expect(matches).toHaveLength(1);
    expect(matches[0].level).toBe(level);
    expect(causePath(matches[0].code)[1].name.zh).toBe(section);
  });

  it('民间借贷纠纷 is (3) under 103. 借款合同纠纷', () => {
    expect(causeByCode('C04.10.103.03')?.name.zh).toBe('民间借贷纠纷');
    expect(causeByCode('C04.10.103')?.name.zh).toBe('借款合同纠纷');
  });
});

describe('criminal', () => {
  const charges = CAUSES.filter((c) => c.category === 'criminal' && childrenOf(c.code).length === 0);

  it('has the ten chapters of the special part in order', () => {
    expect(of('criminal', 1).map((c) => c.name.zh)).toEqual([
      '危害国家安全罪',
      '危害公共安全罪',
      '破坏社会主义市场经济秩序罪',
      '侵犯公民人身权利、民主权利罪',
      '侵犯财产罪',
      '妨害社会管理秩序罪',
      '危害国防利益罪',
      '贪污贿赂罪',
      '渎职罪',
      '军人违反职责罪',
    ]);
  });

  it('has sections only in chapters 3 (8) and 6 (9)', () => {
    const withSections = of('criminal', 2).filter((c) => childrenOf(c.code).length > 0);
    expect(withSections.filter((c) => c.parent === 'X03')).toHaveLength(8);
    expect(withSections.filter((c) => c.parent === 'X06')).toHaveLength(9);
    expect(withSections.every((c) => c.parent === 'X03' || c.parent === 'X06')).toBe(true);
  });

  it('has at least 40 charges, each a 罪 and each unique', () => {
    expect(charges.length).toBeGreaterThanOrEqual(40);
    for (const c of charges) expect(c.name.zh, c.code).toMatch(/罪$/);
    expect(new Set(charges.map((c) => c.name.zh)).size).toBe(charges.length);
  });

  it.each([
    ['盗窃罪', '侵犯财产罪'],
    ['诈骗罪', '侵犯财产罪'],
    ['危险驾驶罪', '危害公共安全罪'],
    ['故意伤害罪', '侵犯公民人身权利、民主权利罪'],
    ['交通肇事罪', '危害公共安全罪'],
    ['帮助信息网络犯罪活动罪', '妨害社会管理秩序罪'],
    ['开设赌场罪', '妨害社会管理秩序罪'],
    ['寻衅滋事罪', '妨害社会管理秩序罪'],
    ['拒不执行判决、裁定罪', '妨害社会管理秩序罪'],
    ['非法吸收公众存款罪', '破坏社会主义市场经济秩序罪'],
  ])('%s is in chapter %s', (zh, chapter) => {
    const charge = charges.find((c) => c.name.zh === zh);
    expect(charge).toBeDefined();
    expect(causePath(charge?.code ?? '')[0].name.zh).toBe(chapter);
  });
});

describe('administrative', () => {
  it('has at least 20 kinds of act', () => {
    expect(of('administrative', 2).length).toBeGreaterThanOrEqual(20);
  });

  it.each([
    '行政处罚',
    '行政强制措施',
    '行政强制执行',
    '行政许可',
    '行政登记',
    '行政确认',
    '行政征收或者征用',
    '行政补偿',
    '政府信息公开',
    '行政复议',
    '不履行职责',
  ])('lists %s', (zh) => {
    expect(of('administrative', 2).some((c) => c.name.zh === zh)).toBe(true);
  });

  it('lists the penalties of the Administrative Penalty Law under 行政处罚', () => {
    expect(childrenOf('A01.01').map((c) => c.name.zh)).toContain('罚款');
    expect(childrenOf('A01.01').map((c) => c.name.zh)).toContain('行政拘留');
  });
});

describe('helpers', () => {
  it('causeByCode', () => {
    expect(causeByCode('C09.31.374')).toEqual({
      code: 'C09.31.374',
      name: { zh: '机动车交通事故责任纠纷', en: 'Motor vehicle accident liability dispute' },
      parent: 'C09.31',
      level: 3,
      category: 'civil',
    });
    expect(causeByCode('C99')).toBeUndefined();
  });

  it('childrenOf', () => {
    expect(childrenOf(null).map((c) => c.code)).toEqual(
      [...of('civil', 1), ...of('criminal', 1), ...of('administrative', 1)].map((c) => c.code),
    );
    expect(childrenOf('C04.10.111').map((c) => c.name.zh)).toEqual([
      '土地租赁合同纠纷',
      '房屋租赁合同纠纷',
      '车辆租赁合同纠纷',
      '建筑设备租赁合同纠纷',
    ]);
    expect(childrenOf('C04.10.111.02')).toEqual([]);
    expect(childrenOf('nope')).toEqual([]);
  });

  it('causePath', () => {
    expect(causePath('C04.10.103.03').map((c) => c.name.zh)).toEqual(['合同、准合同纠纷', '合同纠纷', '借款合同纠纷', '民间借贷纠纷']);
    expect(causePath('X05.02').map((c) => c.code)).toEqual(['X05', 'X05.02']);
    expect(causePath('C01')).toHaveLength(1);
    expect(causePath('nope')).toEqual([]);
  });

  it('every path starts at a root and ends at the cause, one level per step', () => {
    for (const cause of CAUSES) {
      const path = causePath(cause.code);
      expect(path.map((c) => c.level)).toEqual(Array.from({ length: cause.level }, (_, i) => i + 1));
      expect(path.at(-1)).toBe(cause);
    }
  });

  it('causeCode schema and isCauseCode', () => {
    expect(causeCode.parse('X06.01.10')).toBe('X06.01.10');
    const result = causeCode.safeParse('C04.10.999');
    expect(result.success).toBe(false);
    const issue = result.error?.issues[0] as { params?: { code?: string } } | undefined;
    expect(issue?.params?.code).toBe('cause_code');
    expect(isCauseCode('A01.13')).toBe(true);
    expect(isCauseCode(13)).toBe(false);
  });
});
