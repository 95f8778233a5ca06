package io.guestgate.app.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class DeployManifestsTest {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void everyContainerHasProbesResourcesAndRunsAsNonRoot() throws IOException {
        List<Map<String, Object>> documents = kubernetesDocuments();
        List<String> problems = new ArrayList<>();
        documents.forEach(document -> problems.addAll(ManifestRules.check(document)));

        assertThat(documents)
                .extracting(document -> document.get("kind"))
                .contains(
                        "Deployment",
                        "Service",
                        "Ingress",
                        "HorizontalPodAutoscaler",
                        "PodDisruptionBudget",
                        "ConfigMap",
                        "Secret");
        assertThat(problems).isEmpty();
    }

    @Test
    void runsAtLeastTwoReplicasAndKeepsOneThroughDisruptions() throws IOException {
        Map<String, Object> deployment = only("Deployment");
        Map<String, Object> hpa = only("HorizontalPodAutoscaler");
        Map<String, Object> pdb = only("PodDisruptionBudget");

        assertThat((Integer) ManifestRules.map(deployment.get("spec")).get("replicas"))
                .isGreaterThanOrEqualTo(2);
        assertThat((Integer) ManifestRules.map(hpa.get("spec")).get("minReplicas"))
                .isGreaterThanOrEqualTo(2);
        assertThat(ManifestRules.map(pdb.get("spec")).get("minAvailable")).isEqualTo(1);
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        Map<String, Object> kustomization =
                load(DEPLOY.resolve("k8s/kustomization.yaml")).get(0);
        List<Object> resources = ManifestRules.list(kustomization.get("resources"));
        try (Stream<Path> files = Files.list(DEPLOY.resolve("k8s"))) {
            List<String> manifests = files.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml") && !name.equals("kustomization.yaml"))
                    .toList();
            assertThat(resources).containsExactlyInAnyOrderElementsOf(manifests);
        }
    }

    @Test
    void composeAndImageRunTheAppAsNonRoot() throws IOException {
        Map<String, Object> compose = load(DEPLOY.resolve("compose.yaml")).get(0);
        Map<String, Object> app =
                ManifestRules.map(ManifestRules.map(compose.get("services")).get("guestgate"));
        assertThat(String.valueOf(app.get("user"))).doesNotStartWith("0").isNotEqualTo("null");

        List<String> dockerfile = Files.readAllLines(DEPLOY.resolve("Dockerfile"));
        assertThat(runtimeBase(dockerfile)).contains("-jre");
        String user = dockerfile.stream()
                .filter(line -> line.startsWith("USER "))
                .reduce((a, b) -> b)
                .orElseThrow();
        assertThat(user).doesNotContain("root").doesNotMatch("USER 0(:.*)?");
    }

    @Test
    void imageRunsJava25WithTheAotCacheTrainedUnderItsOwnOptions() throws IOException {
        List<String> dockerfile = Files.readAllLines(DEPLOY.resolve("Dockerfile"));
        assertThat(runtimeBase(dockerfile)).startsWith("FROM eclipse-temurin:25-jre");
        int options = indexOf(dockerfile, "ENV JAVA_TOOL_OPTIONS=");
        int training = indexOf(dockerfile, "RUN /opt/guestgate-training/train.sh");
        assertThat(options).as("options set before the training run").isBetween(0, training);
        assertThat(dockerfile.get(options))
                .contains("-XX:MaxRAMPercentage=60", "-XX:+UseG1GC", "-XX:+UseCompactObjectHeaders");
        assertThat(dockerfile.get(indexOf(dockerfile, "ENTRYPOINT ")))
                .contains("\"-XX:AOTCache=guestgate.aot\"", "\"-jar\", \"guestgate.jar\"");
    }

    /** The last FROM line: the image that runs. */
    private static String runtimeBase(List<String> dockerfile) {
        return dockerfile.stream()
                .filter(line -> line.startsWith("FROM "))
                .reduce((a, b) -> b)
                .orElseThrow();
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with " + prefix);
    }

    @Test
    void examplesHoldPlaceholdersOnly() throws IOException {
        for (String line : Files.readAllLines(DEPLOY.resolve("guestgate.env.example"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String value = line.substring(line.indexOf('=') + 1);
            boolean secret = line.matches("(?i).*(TOKEN|SECRET|KEYS|PASSWORD)[^=]*=.*");
            if (secret) {
                assertThat(value).as(line).matches("<[a-z0-9-]+>");
            }
        }
    }

    @Test
    void kubernetesTrustsForwardedHeadersOnlyFromNamedProxiesAndSaysWhoMayUseTheBot() throws IOException {
        Map<String, Object> config = ManifestRules.map(only("ConfigMap").get("data"));
        String deployment = Files.readString(DEPLOY.resolve("k8s").resolve("deployment.yaml"));
        String all = deployment + Files.readString(DEPLOY.resolve("k8s").resolve("configmap.yaml"));

        java.util.regex.Matcher strategy = java.util.regex.Pattern.compile(
                        "name: SERVER_FORWARD_HEADERS_STRATEGY\\s+value: \"?([a-z]+)")
                .matcher(deployment);
        assertThat(strategy.find())
                .as("the deployment names the forwarded-headers strategy")
                .isTrue();
        assertThat(strategy.group(1)).isEqualTo("none");
        assertThat(all).doesNotContainPattern("FORWARD_HEADERS_STRATEGY: \"?(framework|native)");
        assertThat(String.valueOf(config.get("GUESTGATE_LANDING_TRUSTED_PROXIES")))
                .isNotBlank()
                .isNotEqualTo("null");
        assertThat(config.keySet()).anyMatch(key -> key.startsWith("GUESTGATE_BOT_ALLOW"));
        assertThat(String.valueOf(config.get("MANAGEMENT_SERVER_PORT"))).isEqualTo("8081");
    }

    @Test
    void theRulesCatchABadManifest() {
        Map<String, Object> bad = new Yaml().load("""
                kind: Deployment
                metadata: {name: bad}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          image: x
                          securityContext: {runAsUser: 0}
                """);
        Map<String, Object> leakySecret = new Yaml().load("""
                kind: Secret
                metadata: {name: leaky}
                stringData: {TOKEN: "ZXhhbXBsZS1yZWFsLXZhbHVl"}
                """);

        assertThat(ManifestRules.check(bad)).hasSize(7);
        assertThat(ManifestRules.check(leakySecret)).singleElement().asString().contains("not a <placeholder>");
    }

    private Map<String, Object> only(String kind) throws IOException {
        return kubernetesDocuments().stream()
                .filter(document -> kind.equals(document.get("kind")))
                .findFirst()
                .orElseThrow();
    }

    private static List<Map<String, Object>> kubernetesDocuments() throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(DEPLOY)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".yaml"))
                    .sorted()
                    .toList()) {
                for (Map<String, Object> document : load(file)) {
                    if (document.containsKey("apiVersion")
                            && document.containsKey("kind")
                            && !"Kustomization".equals(document.get("kind"))) {
                        documents.add(document);
                    }
                }
            }
        }
        return documents;
    }

    private static List<Map<String, Object>> load(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml().loadAll(Files.readString(file))) {
            if (document != null) {
                documents.add(ManifestRules.map(document));
            }
        }
        return documents;
    }
}
