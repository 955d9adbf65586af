/**
 * The contract between the OpenAPI importer, which writes it as an entry's provider.call,
 * and the OpenAPI expert, which reads it to make the request.
 */
export interface OpenApiCall {
  baseUrl: string;
  method: string;
  path: string;
  params: Array<{ name: string; in: 'path' | 'query' | 'header' | 'body' }>;
  readOnly: boolean;
  auth?: { env: string; scheme: 'bearer' | 'header'; header?: string };
}
