import { CircleAlert, MailCheck } from 'lucide-react';
import { useState, type FormEvent } from 'react';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { fieldErrors } from '@/lib/form';
import { useSignUp } from '../api/sign-up';
import { signUpSchema, type SignUpInput } from '../schemas';
import { authErrorMessage } from '../utils/auth-errors';

type Errors = Partial<Record<keyof SignUpInput, string>>;

export function SignUpForm() {
  const signUp = useSignUp();
  const [errors, setErrors] = useState<Errors>({});

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = signUpSchema.safeParse({
      fullName: form.get('fullName') ?? '',
      email: form.get('email') ?? '',
      password: form.get('password') ?? '',
    });
    if (!parsed.success) {
      setErrors(fieldErrors<keyof SignUpInput>(parsed.error));
      return;
    }
    setErrors({});
    signUp.mutate(parsed.data);
  }

  if (signUp.data?.needsConfirmation) {
    return (
      <Alert variant="success">
        <MailCheck aria-hidden />
        <div>
          <AlertTitle>Check your inbox</AlertTitle>
          <AlertDescription>
            We sent a confirmation link to <strong>{signUp.data.user?.email}</strong>. Open it, then sign in.
          </AlertDescription>
        </div>
      </Alert>
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="grid gap-5" aria-label="Create account">
      {signUp.error ? (
        <Alert variant="destructive" data-testid="auth-error">
          <CircleAlert aria-hidden />
          <AlertDescription>{authErrorMessage(signUp.error)}</AlertDescription>
        </Alert>
      ) : null}
      <FormField id="fullName" label="Full name" error={errors.fullName}>
        <Input
          id="fullName"
          name="fullName"
          autoComplete="name"
          placeholder="Sarah Miller"
          autoFocus
        />
      </FormField>
      <FormField id="email" label="Work email" error={errors.email}>
        <Input
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          placeholder="you@company.com"
        />
      </FormField>
      <FormField id="password" label="Password" hint="At least 8 characters." error={errors.password}>
        <Input
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
        />
      </FormField>
      <Button type="submit" size="lg" className="w-full" loading={signUp.isPending}>
        {signUp.isPending ? 'Creating your account' : 'Create account'}
      </Button>
    </form>
  );
}
