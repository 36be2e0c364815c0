package dev.jita.apidoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** The served OpenAPI document against the handler mappings the application really has. */
class OpenApiDocumentTest extends ApiTest {

    private static final Set<String> TAGS = Set.of("Platform maintenance", "Drain", "Backyard execute check",
            "Log levels", "Organizations", "Workspaces", "Users", "Menus", "Ansible driver", "Terraform CLI driver",
            "Terraform Cloud/EP driver", "Conductor classes", "Conductor instances", "Parameter sheets",
            "Menu export and import", "Excel export/import");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    /** One operation: "GET /api/..."; {@code multipart} when the mapping consumes only multipart/form-data. */
    private record Endpoint(String method, String path, HandlerMethod handler, boolean multipart) {
    }

    /** Every mapping under /api/, each pattern with each method. */
    private List<Endpoint> apiEndpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("every API mapping names its methods: " + pattern).isNotEmpty();
                boolean multipart = info.getConsumesCondition().getConsumableMediaTypes()
                        .equals(Set.of(MediaType.MULTIPART_FORM_DATA));
                methods.forEach(m -> endpoints.add(new Endpoint(m.name(), pattern, entry.getValue(), multipart)));
            }
        }
        return endpoints;
    }

    private JsonNode document() {
        Http.Reply reply = http().get("/v3/api-docs");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        return reply.json();
    }

    private static Set<String> documented(JsonNode document) {
        Set<String> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (!operation.getKey().startsWith("x-") && !operation.getKey().equals("parameters")) {
                operations.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return operations;
    }

    @Test
    void everyApiEndpointIsDocumentedAndNothingElse() {
        List<Endpoint> endpoints = apiEndpoints();
        Set<String> mapped = new TreeSet<>();
        endpoints.forEach(e -> mapped.add(e.method() + " " + e.path()));
        assertThat(mapped).as("the application's API mappings").hasSizeGreaterThan(40);

        // Where both forms of a path are mapped, the document lists the trailing-slash one and says so.
        Set<String> expected = new TreeSet<>();
        for (String operation : mapped) {
            expected.add(!operation.endsWith("/") && mapped.contains(operation + "/") ? operation + "/" : operation);
        }
        JsonNode document = document();
        assertThat(documented(document)).isEqualTo(expected);

        document.path("paths").properties().forEach(path -> {
            String withoutSlash = path.getKey().substring(0, path.getKey().length() - 1);
            boolean bothForms = path.getKey().endsWith("/")
                    && mapped.stream().anyMatch(o -> o.endsWith(" " + withoutSlash));
            assertThat(path.getValue().path("x-without-trailing-slash").asBoolean(false))
                    .as(path.getKey()).isEqualTo(bothForms);
        });
    }

    @Test
    void everyOperationIsTaggedSummarisedAndAnswersInTheEnvelope() {
        JsonNode document = document();
        Set<String> declaredTags = new TreeSet<>();
        document.path("tags").values().forEach(tag -> declaredTags.add(tag.path("name").asString()));
        assertThat(declaredTags).isEqualTo(TAGS);

        Set<String> usedTags = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (entry.getKey().startsWith("x-")) {
                return;
            }
            JsonNode operation = entry.getValue();
            String name = entry.getKey() + " " + path.getKey();
            assertThat(operation.path("tags").size()).as(name).isEqualTo(1);
            usedTags.add(operation.path("tags").get(0).asString());
            assertThat(operation.path("summary").asString()).as(name).isNotBlank();
            assertThat(operation.path("operationId").asString()).as(name).isNotBlank();
            operation.path("parameters").values().forEach(parameter -> assertThat(
                    parameter.path("description").asString()).as(name + " " + parameter).isNotBlank());
            JsonNode ok = operation.path("responses").path("200").path("content").path("application/json")
                    .path("schema");
            assertThat(ok.toString()).as(name).contains("#/components/schemas/");
            for (String status : List.of("401", "403", "500", "503")) {
                assertThat(operation.path("responses").has(status)).as(name + " " + status).isTrue();
            }
            operation.path("responses").properties().forEach(response -> assertThat(response.getKey())
                    .as(name).matches("[2-5]\\d\\d"));
        }));
        assertThat(usedTags).isEqualTo(TAGS);
    }

    @Test
    void theBodiesTheControllersReadAsJsonAreDescribed() {
        JsonNode paths = document().path("paths");
        int bodies = 0;
        for (Endpoint endpoint : apiEndpoints()) {
            boolean readsBody = Arrays.stream(endpoint.handler().getMethodParameters())
                    .anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            String path = paths.has(endpoint.path()) ? endpoint.path() : endpoint.path() + "/";
            JsonNode body = paths.path(path).path(endpoint.method().toLowerCase(Locale.ROOT)).path("requestBody");
            String name = endpoint.method() + " " + path;
            if (readsBody) {
                bodies++;
                JsonNode schema = body.path("content").path("application/json").path("schema");
                assertThat(schema.path("$ref").asString()).as(name).startsWith("#/components/schemas/");
            } else if (endpoint.multipart()) {
                // The form variant of a JSON operation: the same path and method, so the same requestBody.
                JsonNode schema = body.path("content").path("multipart/form-data").path("schema");
                assertThat(schema.path("$ref").asString()).as(name).startsWith("#/components/schemas/");
            } else {
                assertThat(body.isMissingNode()).as(name).isTrue();
            }
        }
        assertThat(bodies).isGreaterThan(10);
    }

    @Test
    void theEnvelopeErrorsAndBasicAuthAreComponents() {
        JsonNode document = document();
        assertThat(document.path("openapi").asString()).startsWith("3.0");
        JsonNode components = document.path("components");
        JsonNode envelope = components.path("schemas").path("Envelope").path("properties");
        assertThat(envelope.has("result") && envelope.has("message") && envelope.has("ts") && envelope.has("data"))
                .as(envelope.toString()).isTrue();
        JsonNode basic = components.path("securitySchemes").path("basicAuth");
        assertThat(basic.path("type").asString()).isEqualTo("http");
        assertThat(basic.path("scheme").asString()).isEqualTo("basic");
        assertThat(document.path("security").toString()).contains("basicAuth");
        JsonNode refusal = components.path("responses").path("MaintenanceRefusal");
        assertThat(refusal.path("headers").has("Retry-After")).isTrue();
        for (String response : List.of("BadRequest", "Unauthenticated", "Forbidden", "NotFound",
                "UnsupportedMediaType", "MaintenanceRefusal", "Invalid", "InternalError", "ApiDisabled")) {
            assertThat(components.path("responses").path(response).path("content").path("application/json")
                    .path("schema").path("$ref").asString()).as(response).startsWith("#/components/schemas/");
        }
    }

    @Test
    void theDocumentAndSwaggerUiArePublicWhileTheApiIsNot() {
        assertThat(http().get("/v3/api-docs.yaml").status()).isEqualTo(200);
        Http.Reply config = http().get("/v3/api-docs/swagger-config");
        assertThat(config.status()).as(config.toString()).isEqualTo(200);
        assertThat(config.json().path("url").asString()).isEqualTo("/v3/api-docs");
        assertThat(config.json().path("persistAuthorization").asBoolean(false)).isFalse();

        Http.Reply entry = http().get("/swagger-ui.html");
        assertThat(entry.status()).as(entry.toString()).isIn(200, 302);
        if (entry.status() == 302) {
            assertThat(entry.header("Location")).endsWith("/swagger-ui/index.html");
        }
        Http.Reply ui = http().get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");

        assertError(http().get(MODES), 401, "401-00002");
    }

    @Test
    void describingAnOperationJitaDoesNotServeStopsTheDocument() {
        OpenAPI withoutEndpoints = new OpenAPI().paths(new Paths())
                .components(new Components().schemas(new LinkedHashMap<>()));
        assertThatThrownBy(() -> new ApiDocumentation().jitaOperations().customise(withoutEndpoints))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not serve");
    }
}
