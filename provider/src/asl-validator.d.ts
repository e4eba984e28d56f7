// asl-validator ships no type declarations; this is the part of its API we call.
declare module "asl-validator" {
  interface ValidationResult {
    isValid: boolean;
    errors: Array<{ "Error code": string; Message: string; schemaError?: { instancePath?: string } }>;
  }
  function validator(definition: unknown, options?: { checkPaths?: boolean; checkArn?: boolean }): ValidationResult;
  export = validator;
}
