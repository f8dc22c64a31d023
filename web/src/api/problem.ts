/** An error answer of the API (application/problem+json), as pages show it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  requestId?: string;
  [extension: string]: unknown;
}

export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }

  /** The catalog slug (api/problem.ts): what pages branch on, e.g. 'case-not-found'. */
  get kind(): string {
    return this.problem.type.slice(this.problem.type.lastIndexOf('/') + 1);
  }
}

function isProblem(body: unknown): body is Problem {
  const b = body as Partial<Problem> | null;
  return typeof b?.type === 'string' && typeof b.title === 'string' && typeof b.status === 'number';
}

/**
 * The data of an openapi-fetch answer, or an ApiProblem thrown for an error answer: what a
 * react-query queryFn or mutationFn returns, so errors reach the page's ErrorState.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  throw new ApiProblem(isProblem(error) ? error : { type: 'about:blank', title: response.statusText, status: response.status });
}
