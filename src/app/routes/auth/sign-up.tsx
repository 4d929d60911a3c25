import { Link, useSearchParams } from 'react-router-dom';
import { RedirectIfAuthenticated } from '@/features/auth';
import { AuthLayout, SignUpForm } from '@/features/auth/screens';
import { useDocumentTitle } from '@/hooks/use-document-title';

function SignUpRoute() {
  useDocumentTitle('Create account');
  const [params] = useSearchParams();
  const redirectTo = params.get('redirectTo');
  return (
    <RedirectIfAuthenticated>
      <AuthLayout
        title="Create your account"
        description="Track every campaign from plan to outcome, with your whole team."
        footer={
          <>
            Already have an account?{' '}
            <Link
              to={redirectTo ? `/sign-in?redirectTo=${encodeURIComponent(redirectTo)}` : '/sign-in'}
              className="font-medium text-primary hover:underline"
            >
              Sign in
            </Link>
          </>
        }
      >
        <SignUpForm />
      </AuthLayout>
    </RedirectIfAuthenticated>
  );
}

export { SignUpRoute as Component };
