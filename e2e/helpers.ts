import { randomUUID } from 'node:crypto';
import { type Page, expect } from '@playwright/test';
import { COOKIE, type Strategy } from './fixtures';

type TestUser = { username: string; email: string; password: string };

export const DEMO = { email: 'demo@example.com', password: 'cookies-and-cream' };

/** A user no other test uses, so tests run in parallel on one database. */
export function uniqueUser(): TestUser {
  const id = randomUUID().slice(0, 8);
  return { username: `user_${id}`, email: `user.${id}@example.com`, password: `pass-${id}-word` };
}

export async function fillRegisterForm(page: Page, user: TestUser) {
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
}

export async function register(page: Page, user: TestUser = uniqueUser()) {
  await page.goto('/register');
  await fillRegisterForm(page, user);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page).toHaveURL('/feed');
  return user;
}

export async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

export async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL('/login');
}

/** The strategy's auth cookie in the page's browser context, if any. */
export async function authCookie(page: Page, strategy: Strategy) {
  return (await page.context().cookies()).find((c) => c.name === COOKIE[strategy].name);
}

/** Scrolls to the bottom of the feed until infinite scroll has loaded every page. */
export async function scrollToEndOfFeed(page: Page) {
  const caughtUp = page.getByText(/^You(’|')re all caught up\.$/);
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(caughtUp).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
}
