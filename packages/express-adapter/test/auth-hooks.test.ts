import type { Dashboard } from '@cupid-dashboard/core';
import type { NextFunction, Request, Response } from 'express';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthOption } from '../src/index';
import { mountedApp, silentLogger } from './support/app';
import { seededDashboard, stores } from './support/dataset';

const open = stores[0]?.[1] as (typeof stores)[number][1];
const url = '/api/agents';
let dashboard: Dashboard;
beforeAll(async () => {
  dashboard = await seededDashboard(open);
});

/** Status for a request without and with `x-user: ada`. */
async function statuses(auth: AuthOption) {
  const { agent } = await mountedApp(dashboard, '', { auth });
  const denied = await agent.get(url);
  const allowed = await agent.get(url).set('x-user', 'ada');
  return { denied: denied.status, deniedBody: denied.body, allowed: allowed.status };
}

const forbid = (res: Response) => res.status(403).json({ detail: 'No', code: 'FORBIDDEN' });

describe('auth hook', () => {
  it('runs classic three-parameter middleware', async () => {
    const auth = (req: Request, res: Response, next: NextFunction) => {
      if (req.get('x-user') === 'ada') next();
      else forbid(res);
    };
    expect(await statuses(auth)).toMatchObject({ denied: 403, allowed: 200 });
  });

  it('runs middleware declared with a rest parameter (length 0)', async () => {
    const auth = (...args: unknown[]) => {
      const [req, res, next] = args as [Request, Response, NextFunction];
      if (req.get('x-user') === 'ada') next();
      else forbid(res);
    };
    expect(auth.length).toBe(0);
    expect(await statuses(auth as AuthOption)).toMatchObject({ denied: 403, allowed: 200 });
  });

  it('waits for async middleware that calls next later', async () => {
    const auth = async (req: Request, res: Response, next: NextFunction) => {
      await new Promise((resolve) => setImmediate(resolve));
      setImmediate(() => (req.get('x-user') === 'ada' ? next() : forbid(res)));
    };
    expect(await statuses(auth)).toMatchObject({ denied: 403, allowed: 200 });
  });

  it('answers 401 when a sync or async predicate says false', async () => {
    const sync = (req: Request) => req.get('x-user') === 'ada';
    const later = async (req: Request) => req.get('x-user') === 'ada';
    for (const auth of [sync, later]) {
      expect(await statuses(auth)).toEqual({
        denied: 401,
        deniedBody: { detail: 'Unauthorized', code: 'UNAUTHORIZED' },
        allowed: 200,
      });
    }
  });

  it('answers a throwing predicate with a JSON 500 that reveals nothing', async () => {
    const logger = silentLogger();
    const auth = (req: Request): boolean => {
      if (req.get('x-user') === 'ada') return true;
      throw new Error('token service at 10.0.0.7 down');
    };
    const { agent } = await mountedApp(dashboard, '', { auth, logger });
    const response = await agent.get(url);
    expect(response.status).toBe(500);
    expect(response.body).toEqual({ detail: 'Internal server error', code: 'INTERNAL' });
    expect(JSON.stringify(response.body)).not.toContain('10.0.0.7');
    expect(logger.logged).toHaveLength(1);
    expect((await agent.get(url).set('x-user', 'ada')).status).toBe(200);
  });
});
