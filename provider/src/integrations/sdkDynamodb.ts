/**
 * DynamoDB SDK calls: the tables they name, wherever the request names them. Indexes are granted
 * only to the actions that read them (Query, Scan), and only the index named when one is.
 */
import { arn, nameOrArn, unique } from "./arns";
import type { IamContext, StatementSpec } from "./spec";

/** Transaction items: which IAM action each kind of item is authorised by. */
const TRANSACT_ITEMS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  transactWriteItems: {
    Put: "dynamodb:PutItem",
    Update: "dynamodb:UpdateItem",
    Delete: "dynamodb:DeleteItem",
    ConditionCheck: "dynamodb:ConditionCheckItem",
  },
  transactGetItems: { Get: "dynamodb:GetItem" },
};

const INDEX_ACTIONS = new Set(["dynamodb:Query", "dynamodb:Scan"]);

function tableArn(c: IamContext, value: string): string {
  return nameOrArn(value, (name) => arn(c, "dynamodb", `table/${name}`));
}

function transactStatements(c: IamContext, items: Readonly<Record<string, string>>): StatementSpec[] {
  const anyTable = [arn(c, "dynamodb", "table/*")];
  return Object.entries(items).flatMap(([kind, action]) => {
    const path = `TransactItems[].${kind}.TableName`;
    // Items of other kinds have no such table: only the ones that do count.
    const tables = c.args.values(path).some((v) => v.kind !== "absent")
      ? c.scope(path, (v) => [tableArn(c, v)], { whenAbsent: [], whenDynamic: anyTable })
      : [];
    return tables.length > 0 ? [{ actions: [action], resources: unique(tables) }] : [];
  });
}

/** BatchGetItem/BatchWriteItem: the tables are the keys of RequestItems. */
function batchStatements(c: IamContext, actions: readonly string[]): StatementSpec[] | undefined {
  const requests = c.args.nodes("RequestItems");
  if (requests === "dynamic") {
    c.warn(
      "dynamic-resource",
      `${c.integration}: RequestItems is computed at run time, so ${actions.join(", ")} is granted on every table`,
    );
    return [{ actions: [...actions], resources: [arn(c, "dynamodb", "table/*")] }];
  }
  const tables = requests.flatMap((node) => (typeof node === "object" && node !== null ? Object.keys(node) : []));
  return tables.length > 0 ? [{ actions: [...actions], resources: tables.map((table) => tableArn(c, table)) }] : undefined;
}

export function dynamodbStatements(c: IamContext, action: string, actions: readonly string[]): StatementSpec[] | undefined {
  const items = TRANSACT_ITEMS[action];
  if (items) {
    if (c.args.nodes("TransactItems") === "dynamic") {
      return [{ actions: [...actions], resources: c.scope("TransactItems", () => [], { whenDynamic: [arn(c, "dynamodb", "table/*")] }) }];
    }
    const statements = transactStatements(c, items);
    return statements.length > 0 ? statements : undefined;
  }
  if (action === "batchGetItem" || action === "batchWriteItem") return batchStatements(c, actions);
  if (c.args.value("TableName").kind === "absent") return undefined;
  const index = c.args.value("IndexName");
  return [
    {
      actions: [...actions],
      resources: c.scope("TableName", (v) => {
        const table = tableArn(c, v);
        if (!actions.some((a) => INDEX_ACTIONS.has(a)) || index.kind === "absent") return [table];
        return [table, `${table}/index/${index.kind === "literal" ? index.value : "*"}`];
      }),
    },
  ];
}
