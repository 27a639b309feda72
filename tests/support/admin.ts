// Editors for admin tests: accounts created through the repository, logged in over HTTP.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Role } from '../../src/domain/types.js';
import { hashPassword } from '../../src/services/passwords.js';
import { ReaderSession } from './browser-session.js';
import type { TestApp } from './test-app.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export async function createUser(t: TestApp, username: string, role: Role, password = TEST_PASSWORD): Promise<number> {
  return t.repos.users.create({ username, displayName: username, passwordHash: await hashPassword(password), role }, t.clock());
}

/** A session logged in as a new user with the role; its csrfToken is ready for admin forms. */
export async function loggedIn(
  t: TestApp,
  role: Role,
  username = `${role}-${Math.random().toString(36).slice(2, 8)}`,
): Promise<ReaderSession> {
  await createUser(t, username, role);
  const editor = new ReaderSession(t);
  await editor.get('/admin/login');
  const response = await editor.post('/admin/login', { _csrf: editor.csrfToken, username, password: TEST_PASSWORD });
  assert.equal(response.status, 303, 'login succeeds');
  await editor.get('/admin'); // picks up the new session's CSRF token
  return editor;
}

/** Logs a browser page in at /admin/login as the user (created with TEST_PASSWORD). */
export async function logInInBrowser(page: Page, t: TestApp, username: string): Promise<void> {
  await page.goto(`${t.baseUrl}/admin/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(`${t.baseUrl}/admin`);
}
