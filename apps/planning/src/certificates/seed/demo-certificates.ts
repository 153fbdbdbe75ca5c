import { CERTIFICATE_LEVELS } from '@pilot/contracts';
import type { CertificateEntry } from '../certificate-row';

/**
 * DEMO DATA: the certificate catalogue a fresh platform starts with so that it can be tried out.
 * The names are real 1+X vocational skill level certificates; the issuing organisations
 * (培训评价组织) are given as far as they are publicly known, and the ones marked "unverified"
 * were not checked against the Ministry's published lists. The codes (X-0001 ...) are made up
 * for the demo; the real catalogue comes from an administrator's import. Every record seeded from
 * here is stored with `demo: true`.
 */
const ALL_LEVELS = [...CERTIFICATE_LEVELS];

const certificate = (number: number, name: string, organisation: string): CertificateEntry => ({
  code: `X-${String(number).padStart(4, '0')}`,
  name: `${name}职业技能等级证书`,
  organisation,
  levels: ALL_LEVELS,
});

export const DEMO_CERTIFICATES: readonly CertificateEntry[] = [
  // The first batch (2019).
  certificate(1, '建筑信息模型（BIM）', '廊坊市中科建筑产业化创新研究中心'),
  certificate(2, 'Web前端开发', '工业和信息化部教育与考试中心'),
  certificate(3, '物流管理', '北京中物联物流采购培训中心'),
  certificate(4, '老年照护', '北京中福长者文化科技有限公司'),
  certificate(5, '汽车运用与维修（含智能新能源汽车）', '北京中车行高新技术有限公司'),
  certificate(6, '智能新能源汽车', '北京中车行高新技术有限公司'),
  // The second batch.
  certificate(7, '电子商务数据分析', '北京博导前程信息技术股份有限公司'),
  // Published in the second batch under 北京鸿科经纬科技有限公司.
  certificate(8, '网店运营推广', '中教畅享（北京）科技有限公司'),
  certificate(9, '工业机器人操作与运维', '北京新奥时代科技有限责任公司'),
  certificate(10, '工业机器人应用编程', '北京赛育达科教有限责任公司'),
  certificate(11, '特殊焊接技术', '中船舰客教育科技（北京）有限公司'),
  certificate(12, '智能财税', '中联集团教育科技有限公司'),
  certificate(13, '母婴护理', '济南阳光大姐服务有限责任公司'),
  certificate(14, '传感网应用开发', '北京新大陆时代教育科技有限公司'),
  certificate(15, '失智老年人照护', '北京中民福祉教育科技有限责任公司'),
  certificate(16, '云计算平台运维与开发', '南京第五十五所技术开发有限公司'),
  // Later batches.
  certificate(17, '业财一体信息化应用', '新道科技股份有限公司'),
  certificate(18, '幼儿照护', '湖南金职伟业母婴护理有限公司'),
  certificate(19, '网络系统建设与运维', '华为技术有限公司'),
  certificate(20, '云服务操作管理', '阿里云计算有限公司'),
  certificate(21, '跨境电商B2B数据运营', '阿里巴巴（中国）教育科技有限公司'),
  certificate(22, '建筑工程识图', '广联达科技股份有限公司'),
  certificate(23, '工程造价数字化应用', '广联达科技股份有限公司'),
  certificate(24, '数控车铣加工', '武汉华中数控股份有限公司'),
  certificate(25, '研学旅行策划与管理', '中凯国际研学旅行股份有限公司'),
  certificate(26, '游戏美术设计', '完美世界（北京）软件科技发展有限公司'),
  certificate(27, '网络安全评估', '奇安信科技集团股份有限公司'),
  certificate(28, '网络安全运维', '杭州安恒信息技术股份有限公司'),
  certificate(29, '无人机驾驶', '北京优云智翔航空科技有限公司'),
  certificate(30, '装配式建筑构件制作与安装', '廊坊市中科建筑产业化创新研究中心'),
  // Organisations unverified.
  certificate(31, 'Python程序开发', '北京中科院软件中心有限公司'),
  certificate(32, 'Java Web应用开发', '北京中科院软件中心有限公司'),
  certificate(33, '大数据应用开发（Python）', '广东泰迪智能科技股份有限公司'),
  certificate(34, '数字化管理会计', '北京东大正保科技有限公司'),
  certificate(35, '财务共享服务', '用友网络科技股份有限公司'),
  certificate(36, '界面设计', '工业和信息化部教育与考试中心'),
  certificate(37, '移动应用开发', '工业和信息化部教育与考试中心'),
  certificate(38, '工业互联网实施与运维', '树根互联股份有限公司'),
  certificate(39, '金税财务应用', '航天信息股份有限公司'),
  certificate(40, '酒店运营管理', '华住酒店管理有限公司'),
];
