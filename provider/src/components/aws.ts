/**
 * The parts of @pulumi/aws the components use, imported from their own modules: the package's
 * index loads all of its ~250 service namespaces, a fifth of a second at every start of a program
 * or of the provider plugin.
 */
export * as apigateway from "@pulumi/aws/apigateway";
export * as apigatewayv2 from "@pulumi/aws/apigatewayv2";
export * as cloudwatch from "@pulumi/aws/cloudwatch";
export * as iam from "@pulumi/aws/iam";
export * as sfn from "@pulumi/aws/sfn";
export * as sqs from "@pulumi/aws/sqs";
export { getCallerIdentityOutput } from "@pulumi/aws/getCallerIdentity";
export { getPartitionOutput } from "@pulumi/aws/getPartition";
export { getRegionOutput } from "@pulumi/aws/getRegion";
