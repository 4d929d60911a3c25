// The sign-in and sign-up pages' pieces, apart from index.ts so that the signed-in pages, which import the
// index, do not carry the auth forms in their first load.
export { AuthLayout } from './components/auth-layout';
export { SignInForm } from './components/sign-in-form';
export { SignUpForm } from './components/sign-up-form';
