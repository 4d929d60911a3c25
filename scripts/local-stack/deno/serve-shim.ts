// Runs one edge function under the local stack: forces Deno.serve onto the port the gateway chose (127.0.0.1),
// announces readiness on stdout, then imports the function's index.ts unchanged.
type Handler = (req: Request, info: unknown) => Response | Promise<Response>;
type ServeOptions = Record<string, unknown> & { handler?: Handler };
type Serve = (options: ServeOptions, handler?: Handler) => unknown;

const [entry] = Deno.args;
const port = Number(Deno.env.get('LOCAL_STACK_FUNCTION_PORT'));
const denoGlobal = Deno as unknown as { serve: Serve };
const originalServe = denoGlobal.serve.bind(Deno);

denoGlobal.serve = (first: ServeOptions | Handler, second?: Handler) => {
  const options: ServeOptions = typeof first === 'function' ? {} : { ...first };
  const handler = typeof first === 'function' ? first : (second ?? first.handler);
  delete options.handler;
  return originalServe(
    {
      ...options,
      port,
      hostname: '127.0.0.1',
      onListen: () => console.log(`__LOCAL_STACK_FUNCTION_READY__ ${port}`),
    },
    handler,
  );
};

await import(entry);
