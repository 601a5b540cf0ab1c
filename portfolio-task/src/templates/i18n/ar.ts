import type { Labels } from './labels';

// Arabic counts years with four forms: one, two (dual), three to ten, eleven and more.
function years(count: number): string {
  if (count === 1) return 'سنة واحدة';
  if (count === 2) return 'سنتان';
  return count >= 3 && count <= 10 ? `${count} سنوات` : `${count} سنة`;
}

export const ar: Labels = {
  skipToContent: 'انتقل إلى المحتوى',
  sections: 'الأقسام',
  about: 'نبذة عني',
  contact: 'التواصل',
  portfolio: 'ملف الأعمال',
  photo: 'صورة',
  photoOf: (name) => `صورة ${name}`,
  imageOf: (title) => `صورة: ${title}`,
  present: 'حتى الآن',
  backToTop: 'العودة إلى الأعلى',
  notFoundTitle: 'الصفحة غير موجودة',
  notFoundText: 'الصفحة التي تبحث عنها غير موجودة أو نُقلت.',
  backHome: 'العودة إلى الصفحة الرئيسية',
  yearsOfExperience: (count) => `${years(count)} من الخبرة`,
  years,
  knownFor: (count) => `معرفة منذ ${years(count)}`,
  citedBy: (count) => `عدد الاستشهادات: ${count}`,
  teamSize: 'حجم الفريق',
  reportsTo: 'يتبع إلى',
  keyAchievements: 'أبرز الإنجازات',
  keyProjects: 'مشاريع رئيسية',
  keyFeatures: 'الميزات الرئيسية',
  activities: 'الأنشطة',
  highlights: 'أبرز المحطات المهنية',
  specializations: 'التخصصات',
  technologies: 'التقنيات',
  skills: 'المهارات',
  topics: 'المواضيع',
  gpa: 'المعدل',
  thesis: 'الأطروحة',
  advisor: 'المشرف',
  coursework: 'مقررات ذات صلة',
  honors: 'مراتب الشرف',
  credentialId: 'رقم الشهادة',
  expires: 'تنتهي في',
  score: 'النتيجة',
  grade: 'التقدير',
  challenges: 'التحديات',
  impact: 'الأثر',
  inventors: 'المخترعون',
  assignee: 'صاحب البراءة',
  website: 'الموقع',
  sourceCode: 'الشيفرة المصدرية',
  demo: 'عرض تجريبي',
  video: 'فيديو',
  credential: 'التحقق من الشهادة',
  certificate: 'الشهادة',
  native: 'اللغة الأم',
};
