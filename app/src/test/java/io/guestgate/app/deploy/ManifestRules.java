package io.guestgate.app.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What every GuestGate manifest must get right: probes, resources, non-root, placeholder-only secrets. */
final class ManifestRules {

    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "Pod");

    private ManifestRules() {}

    /** Problems in one Kubernetes document; empty when it is fine. */
    static List<String> check(Map<String, Object> document) {
        String kind = String.valueOf(document.get("kind"));
        String name = String.valueOf(map(document.get("metadata")).get("name"));
        List<String> problems = new ArrayList<>();
        if (WORKLOADS.contains(kind)) {
            Map<String, Object> podSpec = podSpec(kind, document);
            Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
            for (Object c : list(podSpec.get("containers"))) {
                Map<String, Object> container = map(c);
                String where = kind + "/" + name + " container " + container.get("name");
                if (container.get("livenessProbe") == null) {
                    problems.add(where + ": no livenessProbe");
                }
                if (container.get("readinessProbe") == null) {
                    problems.add(where + ": no readinessProbe");
                }
                Map<String, Object> resources = map(container.get("resources"));
                for (String section : List.of("requests", "limits")) {
                    Map<String, Object> values = map(resources.get(section));
                    if (values.get("cpu") == null || values.get("memory") == null) {
                        problems.add(where + ": resources." + section + " needs cpu and memory");
                    }
                }
                Map<String, Object> security = map(container.get("securityContext"));
                if (!Boolean.TRUE.equals(firstNonNull(security.get("runAsNonRoot"), podSecurity.get("runAsNonRoot")))) {
                    problems.add(where + ": runAsNonRoot is not true");
                }
                Object user = firstNonNull(security.get("runAsUser"), podSecurity.get("runAsUser"));
                if (user == null || ((Number) user).longValue() == 0) {
                    problems.add(where + ": runAsUser must be a non-zero uid");
                }
                if (!Boolean.FALSE.equals(security.get("allowPrivilegeEscalation"))) {
                    problems.add(where + ": allowPrivilegeEscalation must be false");
                }
            }
        }
        if ("Secret".equals(kind)) {
            Map<String, Object> values = new java.util.LinkedHashMap<>(map(document.get("stringData")));
            values.putAll(map(document.get("data")));
            values.forEach((key, value) -> {
                if (!String.valueOf(value).matches("<[a-z0-9-]+>")) {
                    problems.add("Secret/" + name + " " + key + ": holds a value, not a <placeholder>");
                }
            });
        }
        return problems;
    }

    private static Map<String, Object> podSpec(String kind, Map<String, Object> document) {
        Map<String, Object> spec = map(document.get("spec"));
        return switch (kind) {
            case "Pod" -> spec;
            case "Job" -> map(map(spec.get("template")).get("spec"));
            default -> map(map(spec.get("template")).get("spec"));
        };
    }

    private static Object firstNonNull(Object a, Object b) {
        return a != null ? a : b;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Object value) {
        return value instanceof List<?> l ? List.copyOf(l) : List.of();
    }
}
