package dev.catalog.local.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudFormationYamlTest {

    @TempDir
    Path directory;

    @Test
    void reads_every_short_form_tag_as_its_intrinsic() throws IOException {
        Map<String, Object> values = values("""
                ref: !Ref JwtIssuer
                getAtt: !GetAtt AuroraCluster.Endpoint.Address
                getAttList: !GetAtt [Queue, Arn]
                sub: !Sub 'jdbc:postgresql://${Host}/${AWS::StackName}'
                subWithVariables: !Sub ['${Scheme}://${Host}', {Scheme: https}]
                join: !Join [',', [a, b]]
                select: !Select [0, !GetAZs '']
                split: !Split [',', 'a,b']
                if: !If [IsProduction, big, small]
                equals: !Equals [!Ref Stage, prod]
                not: !Not [!Condition IsProduction]
                and: !And [!Condition A, !Condition B]
                or: !Or [!Condition A, !Condition B]
                findInMap: !FindInMap [StageSettings, dev, LogLevel]
                importValue: !ImportValue network-VpcId
                base64: !Base64 hello
                cidr: !Cidr ['10.0.0.0/16', 4, 8]
                """);

        assertThat(values).containsEntry("ref", new Intrinsic.Ref("JwtIssuer"))
                .containsEntry("getAtt", new Intrinsic.GetAtt("AuroraCluster", "Endpoint.Address"))
                .containsEntry("getAttList", new Intrinsic.GetAtt("Queue", "Arn"))
                .containsEntry("sub", new Intrinsic.Sub("jdbc:postgresql://${Host}/${AWS::StackName}", Map.of()))
                .containsEntry("subWithVariables", new Intrinsic.Sub("${Scheme}://${Host}", Map.of("Scheme", "https")))
                .containsEntry("join", new Intrinsic.Join(",", List.of("a", "b")))
                .containsEntry("select", new Intrinsic.Select(0, new Intrinsic.GetAZs("")))
                .containsEntry("split", new Intrinsic.Split(",", "a,b"))
                .containsEntry("if", new Intrinsic.If("IsProduction", "big", "small"))
                .containsEntry("equals", new Intrinsic.Equals(new Intrinsic.Ref("Stage"), "prod"))
                .containsEntry("not", new Intrinsic.Not(new Intrinsic.Condition("IsProduction")))
                .containsEntry("and", new Intrinsic.And(List.of(new Intrinsic.Condition("A"), new Intrinsic.Condition("B"))))
                .containsEntry("or", new Intrinsic.Or(List.of(new Intrinsic.Condition("A"), new Intrinsic.Condition("B"))))
                .containsEntry("findInMap", new Intrinsic.FindInMap("StageSettings", "dev", "LogLevel"))
                .containsEntry("importValue", new Intrinsic.ImportValue("network-VpcId"))
                .containsEntry("base64", new Intrinsic.Base64("hello"))
                .containsEntry("cidr", new Intrinsic.Cidr("10.0.0.0/16", 4, 8));
    }

    @Test
    void reads_the_functions_of_rules_without_evaluating_them() throws IOException {
        Map<String, Object> values = values("""
                contains: !Contains [!Ref PrivateSubnetIds, '']
                """);

        assertThat(values.get("contains")).isInstanceOf(Intrinsic.Unmodelled.class);
    }

    @Test
    void reads_long_forms_as_the_same_intrinsics_as_short_forms() throws IOException {
        Map<String, Object> values = values("""
                ref: {Ref: JwtIssuer}
                getAtt: {"Fn::GetAtt": [AuroraCluster, Endpoint.Address]}
                sub: {"Fn::Sub": ["${Scheme}://host", {Scheme: !Ref Scheme}]}
                join: {"Fn::Join": ["-", [{Ref: Stage}, catalog]]}
                toJson: {"Fn::ToJsonString": {a: b}}
                """);

        assertThat(values).containsEntry("ref", new Intrinsic.Ref("JwtIssuer"))
                .containsEntry("getAtt", new Intrinsic.GetAtt("AuroraCluster", "Endpoint.Address"))
                .containsEntry("sub", new Intrinsic.Sub("${Scheme}://host", Map.of("Scheme", new Intrinsic.Ref("Scheme"))))
                .containsEntry("join", new Intrinsic.Join("-", List.of(new Intrinsic.Ref("Stage"), "catalog")))
                .containsEntry("toJson", new Intrinsic.Unmodelled("Fn::ToJsonString", Map.of("a", "b")));
    }

    @Test
    void keeps_an_unquoted_template_version_as_text() throws IOException {
        assertThat(values("AWSTemplateFormatVersion: 2010-09-09\n"))
                .containsEntry("AWSTemplateFormatVersion", "2010-09-09");
    }

    @Test
    void reports_every_malformed_intrinsic_with_where_it_is() throws IOException {
        Path template = template("""
                Resources:
                  Fn:
                    Properties:
                      Handler: !Join [only-one-argument]
                      CodeUri: !If [Condition, yes-only]
                """);

        assertThatThrownBy(() -> CloudFormationYaml.read(template))
                .isInstanceOfSatisfying(TemplateException.class, e -> assertThat(e.problems()).containsExactly(
                        "Resources.Fn.Properties.Handler: Fn::Join expects 2 arguments, found 1",
                        "Resources.Fn.Properties.CodeUri: Fn::If expects 3 arguments, found 2"));
    }

    @Test
    void rejects_a_tag_cloudformation_does_not_know() throws IOException {
        Path template = template("value: !Reference JwtIssuer\n");

        assertThatThrownBy(() -> CloudFormationYaml.read(template))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("is not valid YAML")
                .hasMessageContaining("!Reference");
    }

    @Test
    void rejects_duplicate_keys_as_cloudformation_does() throws IOException {
        Path template = template("Handler: a\nHandler: b\n");

        assertThatThrownBy(() -> CloudFormationYaml.read(template))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Handler");
    }

    private Map<String, Object> values(String yaml) throws IOException {
        return CloudFormationYaml.read(template(yaml));
    }

    private Path template(String yaml) throws IOException {
        return Files.writeString(directory.resolve("template.yaml"), yaml);
    }
}
