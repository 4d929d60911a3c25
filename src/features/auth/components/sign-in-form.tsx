import { CircleAlert } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { fieldErrors } from '@/lib/form';
import { useSignIn } from '../api/sign-in';
import { signInSchema, type SignInInput } from '../schemas';
import { authErrorMessage } from '../utils/auth-errors';

type Errors = Partial<Record<keyof SignInInput, string>>;

/** On success the session changes and RedirectIfAuthenticated takes the user on; no navigation here. */
export function SignInForm() {
  const signIn = useSignIn();
  const [errors, setErrors] = useState<Errors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signInSchema.safeParse({ email: form.get('email') ?? '', password: form.get('password') ?? '' });
    if (!parsed.success) {
      setErrors(fieldErrors<keyof SignInInput>(parsed.error));
      return;
    }
    setErrors({});
    signIn.mutate(parsed.data);
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Sign in">
      {signIn.error ? (
        <Alert variant="destructive" data-testid="auth-error">
          <CircleAlert aria-hidden />
          <AlertDescription>{authErrorMessage(signIn.error)}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="email" label="Work email" error={errors.email}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          placeholder="you@company.com"
          autoFocus
        />
      </FormField>
      <FormField id="password" label="Password" error={errors.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
        />
      </FormField>
      <Button type="submit" size="lg" className="w-full" loading={signIn.isPending}>
        {signIn.isPending ? 'Signing in' : 'Sign in'}
      </Button>
    </form>
  );
}
