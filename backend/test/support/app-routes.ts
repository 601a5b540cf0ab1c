import type { Express } from 'express';

// The routes an Express app serves, read off its router stack, with their paths written
// as OpenAPI writes them. Express 5's router keeps each mount's path as given (rawPath).

interface Layer {
  rawPath?: string | string[];
  route?: { path: string | string[]; methods: Record<string, boolean | undefined> };
  handle: { stack?: Layer[] };
}

export interface AppRoute {
  method: string;
  path: string;
}

/** `/api/v1/cvs` + `/:id` → `/api/v1/cvs/{id}`; a wildcard `*path` becomes `{path}`. */
export function openApiPath(base: string, routePath: string): string {
  const joined = routePath === '/' ? base || '/' : `${base}${routePath}`;
  return joined.replace(/[:*]([A-Za-z0-9_]+)/g, '{$1}');
}

function routesOf(stack: Layer[], base: string): AppRoute[] {
  return stack.flatMap((layer) => {
    const { route } = layer;
    if (route) {
      const methods = Object.keys(route.methods).filter((method) => route.methods[method]);
      return [route.path].flat().flatMap((path) => methods.map((method) => ({ method, path: openApiPath(base, path) })));
    }
    const inner = layer.handle.stack;
    if (!inner) return [];
    return [layer.rawPath ?? '/'].flat().flatMap((mount) => routesOf(inner, mount === '/' ? base : `${base}${mount}`));
  });
}

export function appRoutes(app: Express): AppRoute[] {
  // @types/express describes Express 4's layers; these are Express 5's.
  return routesOf(app.router.stack as unknown as Layer[], '');
}
