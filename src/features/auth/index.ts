export { RedirectIfAuthenticated, RequireAuth } from './components/auth-guards';
export { AuthLayout } from './components/auth-layout';
export { SessionProvider } from './components/session-provider';
export { SignInForm } from './components/sign-in-form';
export { SignUpForm } from './components/sign-up-form';
export { UserMenu } from './components/user-menu';
export { useSignOut } from './api/sign-out';
