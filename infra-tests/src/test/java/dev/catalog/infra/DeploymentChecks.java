package dev.catalog.infra;

import java.util.ArrayList;
import java.util.List;

/** Every offline check of a deployment template, for a checkout. */
final class DeploymentChecks {

    private final Repository repository;
    private final SamSchemaCheck schema = new SamSchemaCheck();
    private final CfnResourceCheck cfnResources = new CfnResourceCheck();

    DeploymentChecks(Repository repository) {
        this.repository = repository;
    }

    DebeziumProperties debezium() {
        return DebeziumProperties.load(repository.root().resolve("debezium-server/application.properties"));
    }

    List<String> schema(CloudFormationTemplate template) {
        return schema.problems(template);
    }

    List<String> cfnResources(CloudFormationTemplate template) {
        return cfnResources.problems(template);
    }

    List<String> handlers(CloudFormationTemplate template) {
        return new HandlerCheck(repository).problems(template);
    }

    List<String> routes(CloudFormationTemplate template) {
        return new RouteCheck(repository).problems(template);
    }

    List<String> topics(CloudFormationTemplate template) {
        return new TopicCheck(debezium()).problems(template);
    }

    List<String> retries(CloudFormationTemplate template) {
        return new RetryCheck().problems(template);
    }

    List<String> stateMachines(CloudFormationTemplate template) {
        return new StateMachineCheck().problems(template);
    }

    List<String> environment(CloudFormationTemplate template) {
        return new EnvironmentCheck(repository).problems(template);
    }

    List<String> debeziumTask(CloudFormationTemplate template) {
        return new DebeziumTaskCheck(debezium()).problems(template);
    }

    List<String> secretAccess(CloudFormationTemplate template) {
        return new SecretAccessCheck().problems(template);
    }

    List<String> all(CloudFormationTemplate template) {
        List<String> problems = new ArrayList<>();
        problems.addAll(schema(template));
        problems.addAll(cfnResources(template));
        problems.addAll(handlers(template));
        problems.addAll(routes(template));
        problems.addAll(topics(template));
        problems.addAll(retries(template));
        problems.addAll(stateMachines(template));
        problems.addAll(environment(template));
        problems.addAll(debeziumTask(template));
        problems.addAll(secretAccess(template));
        return problems;
    }
}
