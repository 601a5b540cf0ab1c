export const cvKeys = {
  all: ['cvs'] as const,
  one: (id: string) => ['cvs', id] as const,
};
