import { z } from 'zod';

/** One line of APIBench's API documentation (`api/<hub>_api.jsonl`); free-form fields stay unknown. */
export const ApiDocSchema = z.object({
  domain: z.string(),
  framework: z.string().optional(),
  functionality: z.unknown().optional(),
  api_name: z.string(),
  api_call: z.string(),
  api_arguments: z.unknown().optional(),
  python_environment_requirements: z.unknown().optional(),
  example_code: z.unknown().optional(),
  performance: z.unknown().optional(),
  description: z.unknown().optional(),
});
