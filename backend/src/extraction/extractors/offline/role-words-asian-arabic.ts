// Role, organisation, degree and school words of Chinese, Japanese, Korean and Arabic CVs,
// as evidence for roles.ts. Kept apart from the European lists because these scripts are matched
// differently: Chinese and Japanese write no spaces between words, so a role is the noun
// a title ends with ("高级后端工程师", "シニアプロダクトデザイナー") and an organisation a
// legal form or kind of body anywhere in the name ("株式会社ミライワークス", "九州大学");
// Arabic glues the article "ال" and the conjunction "و" to the word ("البنك" is "بنك").

const CJK_ROLE_ENDINGS = [
  // Chinese (simplified and traditional)
  '工程师',
  '工程師',
  '经理',
  '經理',
  '总监',
  '總監',
  '主管',
  '设计师',
  '設計師',
  '分析师',
  '分析師',
  '架构师',
  '架構師',
  '研究员',
  '研究員',
  '实习生',
  '實習生',
  '顾问',
  '顧問',
  '专员',
  '專員',
  '助理',
  '程序员',
  '程序員',
  '开发',
  '開發',
  '教师',
  '教師',
  '讲师',
  '講師',
  '教授',
  '总裁',
  '總裁',
  '组长',
  '組長',
  '负责人',
  '負責人',
  '护士',
  '護士',
  '学生',
  '學生',
  // Japanese
  'デザイナー',
  'エンジニア',
  'マネージャー',
  'マネジャー',
  'ディレクター',
  'プログラマー',
  'コンサルタント',
  'アナリスト',
  'リーダー',
  'アーキテクト',
  'スペシャリスト',
  'アシスタント',
  'インターン',
  'プロデューサー',
  '研究者',
  '開発者',
  '部長',
  '課長',
  '係長',
  '主任',
  '社長',
  '取締役',
  '看護師',
  '教員',
  // Korean
  '엔지니어',
  '개발자',
  '디자이너',
  '매니저',
  '팀장',
  '연구원',
  '인턴',
  '컨설턴트',
  '분석가',
];

const CJK_ORGANISATION_WORDS = [
  // Chinese
  '公司',
  '集团',
  '集團',
  '银行',
  '大学',
  '大學',
  '学院',
  '學院',
  '研究院',
  '研究所',
  '医院',
  '醫院',
  '科技',
  '事务所',
  '事務所',
  '工作室',
  '协会',
  '協會',
  // Japanese
  '株式会社',
  '有限会社',
  '合同会社',
  '(株)',
  '（株）',
  '銀行',
  '病院',
  '学校',
  '協会',
  '財団',
  'ホールディングス',
  'グループ',
  // Korean
  '주식회사',
  '(주)',
  '대학교',
  '은행',
  '연구소',
  '병원',
];

const ARABIC_ROLE_WORDS = new Set([
  'مهندس',
  'مهندسة',
  'مطور',
  'مطورة',
  'مبرمج',
  'مبرمجة',
  'مدير',
  'مديرة',
  'محلل',
  'محللة',
  'مصمم',
  'مصممة',
  'مستشار',
  'مستشارة',
  'متدرب',
  'متدربة',
  'رئيس',
  'رئيسة',
  'باحث',
  'باحثة',
  'أخصائي',
  'أخصائية',
  'اخصائي',
  'منسق',
  'منسقة',
  'مساعد',
  'مساعدة',
  'معلم',
  'معلمة',
  'أستاذ',
  'أستاذة',
  'محاضر',
  'مشرف',
  'مشرفة',
  'ممرض',
  'ممرضة',
  'محاسب',
  'موظف',
  'موظفة',
  'متطوع',
  'متطوعة',
  'عضو',
  'نائب',
  'مسؤول',
  'مسؤولة',
  'طالب',
  'طالبة',
]);

const ARABIC_ORGANISATION_WORDS = new Set(['شركة', 'بنك', 'مصرف', 'جامعة', 'كلية', 'معهد', 'مؤسسة', 'مجموعة', 'وزارة', 'مستشفى', 'مركز', 'هيئة', 'جمعية', 'أكاديمية', 'مدرسة', 'مختبر']);

// Degrees: Chinese 学士/硕士/博士/本科, Japanese 学士/修士/博士, Korean 학사/석사/박사, Arabic
// بكالوريوس/ماجستير/دكتوراه/دبلوم ("Licence" and "Master" of the European lists).
const CJK_DEGREES = ['学士', '學士', '硕士', '碩士', '修士', '博士', '本科', '专科', '專科', '学位', '學位', '학사', '석사', '박사'];
const ARABIC_DEGREES = new Set(['بكالوريوس', 'ماجستير', 'دكتوراه', 'دكتوراة', 'دبلوم', 'ليسانس']);
// Schools: what names a university, college or institute.
const CJK_SCHOOLS = ['大学', '大學', '学院', '學院', '学校', '學校', '大学院', '研究院', '高校', '대학교', '대학원'];
const ARABIC_SCHOOLS = new Set(['جامعة', 'كلية', 'معهد', 'أكاديمية', 'مدرسة']);

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u;

/** "والبنك" → "بنك": the conjunction and the article off an Arabic word. */
const arabicStem = (word: string) => word.replace(/^و(?=ال)/u, '').replace(/^ال(?=\p{L}{2})/u, '');

const arabicWords = (text: string) =>
  text
    .split(/[\s,،()/]+/u)
    .filter(Boolean)
    .map(arabicStem);

/** A Chinese, Japanese, Korean or Arabic piece names a role: 2, else 0. */
export function asianArabicRoleEvidence(text: string): number {
  if (CJK.test(text) && text.split(/[\s,、，()（）/]+/u).some((word) => CJK_ROLE_ENDINGS.some((ending) => word.endsWith(ending)))) return 2;
  return arabicWords(text).some((word) => ARABIC_ROLE_WORDS.has(word)) ? 2 : 0;
}

/** A Chinese, Japanese, Korean or Arabic piece names an organisation: 2, else 0. */
export function asianArabicOrganisationEvidence(text: string): number {
  if (CJK.test(text) && CJK_ORGANISATION_WORDS.some((word) => text.includes(word))) return 2;
  return arabicWords(text).some((word) => ARABIC_ORGANISATION_WORDS.has(word)) ? 2 : 0;
}

/** A Chinese, Japanese, Korean or Arabic piece names a degree ("学士（芸術工学）", "بكالوريوس"). */
export function isAsianArabicDegree(text: string): boolean {
  return (CJK.test(text) && CJK_DEGREES.some((word) => text.includes(word))) || arabicWords(text).some((word) => ARABIC_DEGREES.has(word));
}

/** A Chinese, Japanese, Korean or Arabic piece names a school ("九州大学", "الجامعة الأردنية"). */
export function isAsianArabicSchool(text: string): boolean {
  return (CJK.test(text) && CJK_SCHOOLS.some((word) => text.includes(word))) || arabicWords(text).some((word) => ARABIC_SCHOOLS.has(word));
}
