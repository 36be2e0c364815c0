package dev.jita.apidoc;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

/**
 * The OpenAPI document served at /v3/api-docs. springdoc finds the endpoints from the handler mappings, so
 * the document never lists one that does not exist; {@code openapi/jita-api.yaml} adds what it cannot see:
 * tags, summaries, the envelope, the bodies the controllers read as raw JSON, and the error answers.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String DESCRIPTIONS = "openapi/jita-api.yaml";

    /** Answers every operation may give, whatever its own. */
    private static final Map<String, String> COMMON_ERRORS = Map.of(
            "401", "Unauthenticated", "403", "Forbidden", "500", "InternalError", "503", "ApiDisabled");

    /**
     * springdoc's beans and this class's are made at the first request for the document or Swagger UI, not at
     * start-up, where reading the descriptions and building springdoc's machinery took a tenth of the time.
     * Beans that eager ones need (springdoc's MVC configurer and the properties it reads) are still made then.
     */
    @Bean
    static BeanFactoryPostProcessor lazyApiDocumentation() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanDefinitionNames()) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                String declaringClass = definition instanceof AnnotatedBeanDefinition annotated
                        && annotated.getFactoryMethodMetadata() != null
                        ? annotated.getFactoryMethodMetadata().getDeclaringClassName() : definition.getBeanClassName();
                if (declaringClass != null && (declaringClass.startsWith("org.springdoc.")
                        || declaringClass.equals(ApiDocumentation.class.getName()))) {
                    definition.setLazyInit(true);
                }
            }
        };
    }

    /**
     * Schemas and responses are added by {@link #jitaOperations()}: springdoc copies this bean through a JSON
     * mapper that cannot read some of them back.
     */
    @Bean
    OpenAPI jitaOpenApi() {
        OpenAPI descriptions = descriptions();
        return new OpenAPI().info(descriptions.getInfo()).tags(descriptions.getTags())
                .security(descriptions.getSecurity())
                .components(new Components().securitySchemes(descriptions.getComponents().getSecuritySchemes()));
    }

    @Bean
    OpenApiCustomizer jitaOperations() {
        return openApi -> {
            OpenAPI descriptions = descriptions();
            Paths described = descriptions.getPaths();
            descriptions.getComponents().getSchemas().forEach(openApi.getComponents()::addSchemas);
            descriptions.getComponents().getResponses().forEach(openApi.getComponents()::addResponses);
            mergeTrailingSlashForms(openApi.getPaths());
            described.forEach((path, item) -> {
                PathItem generated = openApi.getPaths().get(path);
                item.readOperationsMap().forEach((method, description) -> {
                    Operation operation = generated == null ? null : generated.readOperationsMap().get(method);
                    if (operation == null) {
                        throw new IllegalStateException(DESCRIPTIONS + " describes " + method + " " + path
                                + ", which jita does not serve");
                    }
                    describe(operation, description);
                });
            });
            describePathParameters(openApi.getPaths(), descriptions.getComponents().getParameters());
            // The controllers' return type, which every described operation's own schema replaces.
            openApi.getComponents().getSchemas().remove("ApiResponse");
        };
    }

    /**
     * Where a path is mapped with and without a trailing slash, the document keeps one entry: the slash
     * form, as Exastro's descriptions of its ITA endpoints write it, saying that the other answers too.
     */
    private static void mergeTrailingSlashForms(Paths paths) {
        for (String path : new ArrayList<>(paths.keySet())) {
            if (path.endsWith("/") && paths.containsKey(path.substring(0, path.length() - 1))) {
                paths.remove(path.substring(0, path.length() - 1));
                paths.get(path).addExtension("x-without-trailing-slash", true);
            }
        }
    }

    /** Each path parameter as the descriptions' parameter of the same name says (only the text is taken). */
    private static void describePathParameters(Paths paths, Map<String, Parameter> described) {
        paths.values().forEach(item -> item.readOperations().forEach(operation -> {
            if (operation.getParameters() != null) {
                operation.getParameters().stream()
                        .filter(p -> "path".equals(p.getIn()) && described.containsKey(p.getName()))
                        .forEach(p -> p.setDescription(described.get(p.getName()).getDescription()));
            }
        }));
    }

    private static void describe(Operation operation, Operation description) {
        operation.setTags(description.getTags());
        operation.setSummary(description.getSummary());
        operation.setDescription(description.getDescription());
        operation.setOperationId(description.getOperationId());
        operation.setRequestBody(description.getRequestBody());
        if (description.getParameters() != null) {
            description.getParameters().forEach(parameter -> operation.getParameters().stream()
                    .filter(p -> p.getName().equals(parameter.getName())).forEach(p -> {
                        p.setDescription(parameter.getDescription());
                        if (parameter.getSchema() != null) {
                            p.setSchema(parameter.getSchema());
                        }
                    }));
        }
        ApiResponses responses = new ApiResponses();
        ApiResponses described = description.getResponses() == null ? new ApiResponses() : description.getResponses();
        responses.addApiResponse("200", described.getOrDefault("200", envelope("#/components/schemas/Envelope")));
        described.forEach((status, response) -> {
            if (!status.equals("200")) {
                responses.addApiResponse(status, response);
            }
        });
        COMMON_ERRORS.forEach((status, name) -> responses.putIfAbsent(status,
                new ApiResponse().$ref("#/components/responses/" + name)));
        operation.setResponses(sorted(responses));
    }

    private static ApiResponse envelope(String schema) {
        return new ApiResponse().description("Success: result 000-00000")
                .content(new Content().addMediaType("application/json",
                        new MediaType().schema(new Schema<>().$ref(schema))));
    }

    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses sorted = new ApiResponses();
        new LinkedHashMap<>(responses).entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
        return sorted;
    }

    static OpenAPI descriptions() {
        try (InputStream in = new ClassPathResource(DESCRIPTIONS).getInputStream()) {
            return Yaml.mapper().readValue(in, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
