// Invented notices the end-to-end tests share (never corpus text: tests read that from ../shared).

/** An audit office's notice: numbering forms 一、（一）1．, 一是/首先 measures, a not-done problem,
 * a stated total the outline does not reach (5 problems stated, 4 listed: a check is shown), a
 * phone number, a signature with a date. */
export const AUDIT_NOTICE = [
  '中共某某区审计局党组关于区委第四巡察组',
  '巡察反馈意见整改进展情况的通报',
  '',
  '根据区委统一部署，2023年9月4日至10月31日，区委第四巡察组对区审计局党组开展了常规巡察。2023年12月6日，巡察组向区审计局党组反馈了巡察意见。',
  '',
  '巡察反馈的2个方面5个问题，已完成整改3个，正在整改1个，整改完成率60%。',
  '',
  '一、整改工作开展情况',
  '局党组召开专题会议研究部署整改工作。',
  '二、反馈问题整改情况',
  '（一）关于党的领导方面',
  '1．审计计划统筹不够科学。',
  '整改情况：一是制定年度审计计划编制办法；二是建立项目库。该问题已完成整改。',
  '2．审计成果运用不充分。',
  '整改情况：正在整改。',
  '（二）关于队伍建设方面',
  '1．业务培训针对性不强。',
  '整改情况：首先，调整培训内容；其次，开展岗位练兵。已完成整改。',
  '2．年轻干部交流不足。',
  '整改情况：尚未完成整改，计划年底前完成。',
  '三、下一步工作打算',
  '持续抓好整改落实。联系电话：010-66668888。',
  '',
  '中共某某区审计局党组',
  '2024年3月15日',
].join('\n');
