import type express from 'express';
import { type AccessRule, ruleOf } from '../../api/auth/access';

export interface MountedRoute {
  method: string;
  path: string;
  /** What its access guard enforces; undefined when the route has no guard. */
  rule: AccessRule | undefined;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean>; stack: { handle: unknown }[] };
  handle?: { stack?: Layer[] };
}

/**
 * Every route an app answers, found by walking its router and the routers mounted in it (the API
 * mounts them at the root, so route paths are the full paths), with the rule its guard carries.
 */
export function mountedRoutes(app: express.Express): MountedRoute[] {
  const walk = (stack: Layer[]): MountedRoute[] =>
    stack.flatMap((layer) => {
      const { route } = layer;
      if (!route) return layer.handle?.stack ? walk(layer.handle.stack) : [];
      const rule = route.stack.map((handler) => ruleOf(handler.handle)).find((r) => r !== undefined);
      return Object.keys(route.methods).map((method) => ({ method, path: route.path, rule }));
    });
  return walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
}
