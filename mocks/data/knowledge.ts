import type { KnowledgeBase } from '../../src/api/schemas/knowledge';

/**
 * The demo knowledge base (知识库): standard answers the talent office and departments reuse in
 * countermeasures, each resting on a rule of the 1+N+X policy system. Illustrative wording, not
 * the city's actual terms.
 */
export const demoKnowledgeBase: KnowledgeBase = {
  answers: [
    {
      id: 'KB-001',
      title: '人才公寓申请条件与流程',
      categoryCode: 'cat.housing',
      policyCode: 'pol.housing.rental',
      answer:
        '根据《人才公寓租赁实施细则》，经认定的各类人才在本市无自有住房的，可向用人单位提出申请，经人才办审核后按人才层次配租人才公寓；租期内按规定标准减免租金。请通过用人单位提交申请表、人才认定证明和无房证明。',
    },
    {
      id: 'KB-002',
      title: '购房补贴发放时间',
      categoryCode: 'cat.housing',
      policyCode: 'pol.housing.subsidy',
      answer:
        '根据《人才购房补贴实施细则》，购房补贴在不动产登记完成后申请，材料齐全的自受理之日起 20 个工作日内审核完毕，分三年拨付至个人账户。',
    },
    {
      id: 'KB-003',
      title: '人才子女入学安排',
      categoryCode: 'cat.schooling',
      policyCode: 'pol.schooling.placement',
      answer:
        '根据《人才子女入学安排实施细则》，A、B 类人才子女可在全市范围内统筹安排义务教育阶段学校，C、D 类人才子女在居住地学区内优先安排。请于每年 5 月底前通过用人单位向教育局提交申请。',
    },
    {
      id: 'KB-004',
      title: '就医绿色通道',
      categoryCode: 'cat.healthcare',
      policyCode: 'pol.healthcare.green',
      answer:
        '根据《人才就医绿色通道实施细则》，持有效人才服务卡可在市内定点医院享受预约挂号、优先就诊和年度健康体检服务，服务卡由人才办统一制发。',
    },
    {
      id: 'KB-005',
      title: '人才贷风险补偿',
      categoryCode: 'cat.financing',
      policyCode: 'pol.finance.loan',
      answer:
        '根据《人才贷风险补偿实施细则》，人才创办企业可向合作银行申请最高 1000 万元信用贷款，发生代偿损失的由风险补偿资金池按比例分担。请联系合作银行客户经理办理。',
    },
    {
      id: 'KB-006',
      title: '比照认定所需材料',
      categoryCode: 'cat.certification',
      policyCode: 'pol.certification.peer',
      answer:
        '根据《比照认定实施细则》，未列入目录的人才可按业绩、薪酬和贡献比照认定，需提交近三年个人所得税完税证明、业绩材料和用人单位推荐意见，评审结果在 30 个工作日内告知。',
    },
    {
      id: 'KB-007',
      title: '项目用房支持',
      categoryCode: 'cat.project',
      policyCode: 'pol.project.space',
      answer:
        '根据《项目用房支持实施细则》，入选的创新创业项目可在载体内免费使用不超过 200 平方米的研发用房三年，或按实际租金给予补贴。',
    },
    {
      id: 'KB-008',
      title: '项目资助拨付进度',
      categoryCode: 'cat.project',
      policyCode: 'pol.project.grant',
      answer:
        '根据《项目资助拨付实施细则》，项目资助按考核节点分期拨付：签约后拨付 40%，中期考核合格后拨付 30%，期满验收合格后拨付余款。',
    },
    {
      id: 'KB-009',
      title: '政策兑现办理时限',
      categoryCode: 'cat.payout',
      policyCode: 'pol.core',
      answer:
        '根据人才新政（核心政策）的兑现规定，各类补贴实行“免申即享”或“一次申报”，材料齐全的自受理之日起 10 个工作日内完成审核并拨付。',
    },
    {
      id: 'KB-010',
      title: '外籍人才出入境便利',
      categoryCode: 'cat.visa',
      policyCode: 'pol.core',
      answer:
        '经认定的外籍高层次人才及其配偶、子女可申请有效期 5 年以内的多次往返签证或居留许可，出入境管理部门开通绿色通道，材料齐全的 5 个工作日内办结。',
    },
    {
      id: 'KB-011',
      title: '青年人才生活补贴',
      categoryCode: null,
      policyCode: 'pol.young.stipend',
      answer:
        '根据《青年人才生活补贴实施细则》，35 周岁以下全日制本科及以上学历毕业生在本市就业并缴纳社保的，按学历层次发放生活补贴，按季度申报、按月发放。',
    },
  ],
  updatedByName: '王芳',
  updatedAt: '2026-03-02T10:00:00+08:00',
  version: 1,
};
