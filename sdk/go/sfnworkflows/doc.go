// Pulumi components for AWS Step Functions: a state machine with its callback queues, heartbeat alarms and least-privilege IAM, checked before anything is created.
package sfnworkflows
