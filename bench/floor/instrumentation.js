// Without this file, next build would take the app's instrumentation.ts from the turbopack root.
export function register() {}
