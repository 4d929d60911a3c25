// What signed-in pages use; the sign-in and sign-up screens are in ./screens.ts.
export { RedirectIfAuthenticated, RequireAuth } from './components/auth-guards';
export { SessionProvider } from './components/session-provider';
export { UserMenu } from './components/user-menu';
export { useSignOut } from './api/sign-out';
