/** Demo wording for generated cases, patches and services. */
export const caseTitles: Record<string, string[]> = {
  'cat.housing': ['申请人才公寓入住', '咨询人才购房补贴申领条件', '人才公寓租期到期续租', '购房补贴拨付进度查询'],
  'cat.schooling': ['子女义务教育阶段入学安排', '子女转学手续协调', '外籍人才子女国际学校入学', '子女幼儿园入园咨询'],
  'cat.healthcare': ['申请就医绿色通道', '人才健康体检安排', '家属医保关系转移', '异地医保结算咨询'],
  'cat.financing': ['申请人才贷', '对接天使投资基金', '科技型企业贷款贴息', '知识产权质押融资咨询'],
  'cat.certification': ['人才层次认定申请', '比照认定材料补充', '以赛代评结果认定', '海外学历认证协调'],
  'cat.project': ['项目用房选址协调', '实验室装修审批加速', '项目落地注册手续', '中试基地场地需求'],
  'cat.payout': ['人才津贴发放查询', '项目资助资金拨付', '生活补贴申领', '政策兑现材料简化'],
  'cat.visa': ['外籍人才工作许可办理', '外籍人才居留许可延期', '外籍家属签证协调', '港澳台人才来往便利'],
};

/** Blockages (梗阻) per demand category, each with the amended clause (补丁条款) that clears it. */
export const patchBlockages: Record<string, { blockage: string; amendment: string }[]> = {
  'cat.housing': [
    {
      blockage: '新引进人才购房补贴须连续缴纳社保满一年方可申领。',
      amendment: '购房补贴申领条件调整为：在本市缴纳社保满6个月，或与本市用人单位签订3年以上劳动合同。',
    },
    {
      blockage: '人才公寓租期上限三年，创业周期较长的团队无法续租。',
      amendment: '人才公寓租期上限延长至5年；经评估处于成长期的创业团队可再续租2年。',
    },
  ],
  'cat.schooling': [
    {
      blockage: '人才子女入学须提供本地房产证明，租房人才难以办理。',
      amendment: '人才子女入学可凭人才认定证明和住房租赁备案办理，不再以本地房产证明为前提。',
    },
    {
      blockage: '外籍人才子女转入公办学校缺少材料互认规则。',
      amendment: '建立外籍人才子女学籍材料互认清单，由教育局统一审核转入公办学校。',
    },
  ],
  'cat.healthcare': [
    {
      blockage: '就医绿色通道仅覆盖人才本人，不含随迁父母。',
      amendment: '就医绿色通道覆盖范围扩大至人才的配偶和随迁父母。',
    },
    { blockage: '异地就医结算备案手续繁琐。', amendment: '人才异地就医结算备案改为线上即时办理，无需提交纸质材料。' },
  ],
  'cat.financing': [
    {
      blockage: '人才贷风险补偿比例偏低，银行放贷意愿不足。',
      amendment: '人才贷风险补偿比例由30%提高至50%，单户补偿上限提高至1000万元。',
    },
    {
      blockage: '初创项目缺少首贷担保渠道。',
      amendment: '设立初创项目首贷担保资金池，由政府性融资担保机构提供担保，担保费率不高于1%。',
    },
  ],
  'cat.certification': [
    {
      blockage: '以赛代评获奖者与分类认定标准衔接不清。',
      amendment: '明确以赛代评各获奖等次与人才分类认定层次的对应关系，获奖即可申请相应层次认定。',
    },
    {
      blockage: '比照认定需提交的证明材料过多。',
      amendment: '比照认定证明材料精简为3项，其余由部门间数据共享核验。',
    },
  ],
  'cat.project': [
    {
      blockage: '项目用房补贴以租赁合同备案为前提，备案周期长。',
      amendment: '项目用房补贴以签订租赁合同为准先行拨付，备案完成后补齐手续。',
    },
    {
      blockage: '中试场地审批链条长，项目落地慢。',
      amendment: '中试场地审批实行并联办理和承诺制，审批时限压缩至10个工作日。',
    },
  ],
  'cat.payout': [
    {
      blockage: '政策兑现需多部门分头申报，材料重复提交。',
      amendment: '政策兑现实行"一表申报、一口受理"，材料一次提交、部门共享。',
    },
    {
      blockage: '资助资金分期拨付节点与项目进度不匹配。',
      amendment: '资助资金拨付节点与项目里程碑挂钩，项目达到节点即拨付。',
    },
  ],
  'cat.visa': [
    {
      blockage: '外籍人才工作许可与居留许可需分别办理。',
      amendment: '外籍人才工作许可与居留许可实行"一窗受理、并联审批"。',
    },
    {
      blockage: '外籍高层次人才家属签证期限过短。',
      amendment: '外籍高层次人才家属签证有效期与人才本人的居留期限一致。',
    },
  ],
};

/** Why a patch was withdrawn. */
export const patchWithdrawals = [
  '经评估，现行政策已能解决该问题，无需另行修订。',
  '相关事项已纳入省级政策统一调整。',
  '征求意见中各部门分歧较大，暂缓推进。',
];

export const serviceTitles: Record<'visit' | 'briefing' | 'matchmaking' | 'training', string[]> = {
  visit: ['走访重点人才企业', '上门服务领军人才', '园区人才企业座谈'],
  briefing: ['人才政策宣讲会', '政策兑现集中辅导', '人才安居政策解读'],
  matchmaking: ['校企人才对接会', '投融资对接路演', '产学研合作洽谈'],
  training: ['人才企业人力资源培训', '知识产权保护培训', '高技能人才培训班'],
};
