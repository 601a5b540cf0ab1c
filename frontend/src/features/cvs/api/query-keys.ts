export const cvKeys = {
  all: ['cvs'] as const,
  one: (id: string) => ['cvs', id] as const,
  // Outside ['cvs', id]: saving the CV's data invalidates that, and the uploaded file never changes.
  original: (id: string) => ['cv-original', id] as const,
};
