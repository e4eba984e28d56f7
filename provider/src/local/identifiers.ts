/**
 * The ARNs (and a queue's URL) AWS gives a resource of a type, from its physical name, region and
 * account: what Pulumi mocks answer in place of AWS, here for LocalStack (derive.ts) and in the
 * tests for their made-up account (tests/support/mockAws.js).
 */
export function awsIdentifiers(type: string, physical: string, region: string, account: string): { arn?: string; url?: string } {
  switch (type) {
    case "aws:sqs/queue:Queue":
      return { arn: `arn:aws:sqs:${region}:${account}:${physical}`, url: `https://sqs.${region}.amazonaws.com/${account}/${physical}` };
    case "aws:sfn/stateMachine:StateMachine":
      return { arn: `arn:aws:states:${region}:${account}:stateMachine:${physical}` };
    case "aws:iam/role:Role":
      return { arn: `arn:aws:iam::${account}:role/${physical}` };
    case "aws:iam/policy:Policy":
      return { arn: `arn:aws:iam::${account}:policy/${physical}` };
    case "aws:cloudwatch/logGroup:LogGroup":
      return { arn: `arn:aws:logs:${region}:${account}:log-group:${physical}` };
    case "aws:cloudwatch/metricAlarm:MetricAlarm":
      return { arn: `arn:aws:cloudwatch:${region}:${account}:alarm:${physical}` };
    case "aws:sns/topic:Topic":
      return { arn: `arn:aws:sns:${region}:${account}:${physical}` };
    case "aws:dynamodb/table:Table":
      return { arn: `arn:aws:dynamodb:${region}:${account}:table/${physical}` };
    default:
      return {};
  }
}
