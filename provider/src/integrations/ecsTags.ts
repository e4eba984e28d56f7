/** What ECS tags when RunTask or StartTask creates a task, shared by the optimized and the AWS SDK integrations. */
import { tagsOn, type TagsRule, type TagSwitch } from "./implied";

/** Tags ECS sets itself: copied from the task definition or service, or its managed `aws:ecs:*` tags. */
const ECS_TAG_SWITCHES: readonly TagSwitch[] = [
  { path: "PropagateTags", off: "NONE" },
  { path: "EnableECSManagedTags", off: false },
];

const WHY =
  'AWS: "Grant permission to tag resources on creation" (Amazon ECS Developer Guide): RunTask and StartTask authorise the tags they set with ecs:TagResource, also those ECS sets itself when `PropagateTags` is `TASK_DEFINITION` or `SERVICE` or `EnableECSManagedTags` is true; AWS\'s managed policy AmazonEC2ContainerServiceEventsRole ("Amazon ECS events IAM role") grants ecs:TagResource with `ecs:CreateAction` RunTask for that reason. The service chooses those keys.';

/** ecs:TagResource on the task `creating` (RunTask or StartTask) starts, for the tags in `paths` and those ECS sets itself. */
export const ecsTaskTags = (creating: string, paths: readonly string[] = ["Tags"]): TagsRule =>
  tagsOn("ecs", "task/*", creating, WHY, { paths, switches: ECS_TAG_SWITCHES });
