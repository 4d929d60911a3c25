import { Link, useSearchParams } from 'react-router-dom';
import { RedirectIfAuthenticated } from '@/features/auth';
import { AuthLayout, SignInForm } from '@/features/auth/screens';
import { useDocumentTitle } from '@/hooks/use-document-title';

function SignInRoute() {
  useDocumentTitle('Sign in');
  const [params] = useSearchParams();
  const redirectTo = params.get('redirectTo');
  return (
    <RedirectIfAuthenticated>
      <AuthLayout
        title="Sign in"
        description="Welcome back. Pick up your campaigns where you left them."
        footer={
          <>
            New to Marketing Ops Tracker?{' '}
            <Link
              to={redirectTo ? `/sign-up?redirectTo=${encodeURIComponent(redirectTo)}` : '/sign-up'}
              className="font-medium text-primary hover:underline"
            >
              Create an account
            </Link>
          </>
        }
      >
        <SignInForm />
      </AuthLayout>
    </RedirectIfAuthenticated>
  );
}

export { SignInRoute as Component };
