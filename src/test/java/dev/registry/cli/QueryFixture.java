package dev.registry.cli;

import dev.registry.testing.Registries;
import java.nio.file.Path;

/** A small registry for query tests: two models, versions at several stages, deployments in three regions. */
final class QueryFixture {

    private QueryFixture() {
    }

    static Path write(Path dir) {
        Registries.minimal(dir);
        model(dir, "credit-scorer", "1.0.0", "production", "internal", "[team:ml-platform]", "[classification, creditworthiness]",
                "[pii, financial]", "[eu]", "");
        model(dir, "credit-scorer", "2.0.0", "production", "internal", "[team:ml-platform]", "[classification, creditworthiness]",
                "[pii, financial]", "[eu-west]", "fallbacks: [credit-scorer@1.0.0]\n");
        model(dir, "credit-scorer", "3.0.0", "staging", "internal", "[team:ml-platform]", "[classification, creditworthiness]",
                "[pii, financial]", "[eu-west-1]", "");
        model(dir, "fraud-detector", "1.0.0", "production", "vendor", "[carol@example.com]", "[classification]",
                "[financial]", "[us-east-1]", "");
        deployment(dir, "credit-eu-prod", "credit-scorer", "2.0.0", "prod", "eu-west-1", "https://eu/credit");
        deployment(dir, "credit-eu-dr", "credit-scorer", "1.0.0", "prod", "eu-central-1", "https://dr/credit");
        deployment(dir, "credit-stage", "credit-scorer", "3.0.0", "stage", "eu-west-1", "=HYPERLINK(\"http://x\")");
        deployment(dir, "fraud-us-prod", "fraud-detector", "1.0.0", "prod", "us-east-1", "https://us/fraud");
        return dir;
    }

    static void model(Path dir, String name, String version, String stage, String provider, String owners, String capabilities,
                      String tags, String residency, String extra) {
        Registries.write(dir, "models/" + name + "/" + version + ".yaml", """
                apiVersion: registry/v1
                kind: Model
                name: %s
                version: %s
                provider: %s
                capabilities: %s
                useDomains: [credit]
                owners: %s
                dataTags: %s
                compliance:
                  dataResidency: %s
                %slifecycle:
                  stage: %s
                """.formatted(name, version, provider, capabilities, owners, tags, residency, extra, stage));
    }

    static void deployment(Path dir, String name, String model, String version, String env, String region, String endpoint) {
        Registries.write(dir, "deployments/" + name + ".yaml", """
                apiVersion: registry/v1
                kind: Deployment
                name: %s
                model: %s
                version: %s
                environment: %s
                region: %s
                endpoint: '%s'
                """.formatted(name, model, version, env, region, endpoint));
    }
}
