package gov.budgetperf.common.testing;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.eclipse.microprofile.config.ConfigProvider;
import org.openapitools.codegen.ClientOptInput;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;

/**
 * What a department's developers do: generate a Java client from the OpenAPI document the service under test serves,
 * with openapi-generator ({@code java} generator, {@code native} library) and no hand edits, compile it, and load it.
 * The client's classes are in {@code gov.dept.<name>.client} ({@code .api}, {@code .model}); a test drives them by
 * reflection through {@link #api}, {@link #model}, {@link #call} and {@link #enumValue}, so it uses exactly the
 * generated signatures. {@link #call} rethrows what the client throws (its {@code ApiException} for an error
 * status) unwrapped.
 */
public final class GeneratedClient implements AutoCloseable {

    private final String basePackage;
    private final URLClassLoader loader;
    private final Class<?> apiClientClass;
    private final Object apiClient;

    private GeneratedClient(String basePackage, URLClassLoader loader) throws ReflectiveOperationException {
        this.basePackage = basePackage;
        this.loader = loader;
        this.apiClientClass = loader.loadClass(basePackage + ".ApiClient");
        this.apiClient = apiClientClass.getConstructor().newInstance();
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        apiClientClass.getMethod("updateBaseUri", String.class).invoke(apiClient, "http://localhost:" + port);
    }

    /**
     * Generates, compiles and loads the client of the Quarkus application under test, from the document it serves at
     * {@code /q/openapi?format=json}, under {@code target/generated-client/<name>}.
     */
    public static GeneratedClient generate(String name) throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpResponse<String> doc = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (doc.statusCode() != 200) {
            throw new AssertionError("the OpenAPI document answered " + doc.statusCode());
        }
        Path work = Path.of("target", "generated-client", name);
        deleteTree(work);
        Files.createDirectories(work);
        Path specFile = work.resolve("openapi.json");
        Files.writeString(specFile, doc.body());

        String basePackage = "gov.dept." + name + ".client";
        CodegenConfigurator config = new CodegenConfigurator().setGeneratorName("java").setLibrary("native")
                .setInputSpec(specFile.toString()).setOutputDir(work.resolve("src").toString())
                .setApiPackage(basePackage + ".api").setModelPackage(basePackage + ".model")
                .setInvokerPackage(basePackage)
                .setAdditionalProperties(Map.of("openApiNullable", false, "useJakartaEe", true, "annotationLibrary",
                        "none", "hideGenerationTimestamp", true, "serializableModel", false));
        ClientOptInput input = config.toClientOptInput();
        List<File> files = new DefaultGenerator().opts(input).generate();
        if (files.isEmpty()) {
            throw new AssertionError("openapi-generator wrote no files");
        }

        List<String> sources;
        try (Stream<Path> s = Files.walk(work.resolve("src/src/main/java"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-nowarn", "-proc:none"));
        args.addAll(sources);
        java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, args.toArray(String[]::new));
        if (rc != 0) {
            throw new AssertionError("the generated client does not compile without edits:\n" + errors);
        }
        return new GeneratedClient(basePackage, new URLClassLoader(new URL[]{classes.toUri().toURL()},
                GeneratedClient.class.getClassLoader()));
    }

    /** Sends this bearer token with every request. */
    public GeneratedClient bearer(String token) throws ReflectiveOperationException {
        Consumer<HttpRequest.Builder> auth = b -> b.header("Authorization", "Bearer " + token);
        apiClientClass.getMethod("setRequestInterceptor", Consumer.class).invoke(apiClient, auth);
        return this;
    }

    /** A generated class by its simple name, looked up in the model, API and invoker packages. */
    public Class<?> type(String simpleName) throws ClassNotFoundException {
        for (String p : List.of(".model.", ".api.", ".")) {
            try {
                return loader.loadClass(basePackage + p + simpleName);
            } catch (ClassNotFoundException e) {
                // next package
            }
        }
        throw new ClassNotFoundException(simpleName + " in " + basePackage);
    }

    /** An API class (e.g. {@code DepartmentsApi}) bound to this client. */
    public Object api(String simpleName) throws ReflectiveOperationException {
        return type(simpleName).getConstructor(apiClientClass).newInstance(apiClient);
    }

    /** A new, empty model object. */
    public Object model(String simpleName) throws ReflectiveOperationException {
        return type(simpleName).getConstructor().newInstance();
    }

    /** A generated enum's constant. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object enumValue(String enumName, String constant) throws ClassNotFoundException {
        return Enum.valueOf((Class) type(enumName), constant);
    }

    /**
     * Calls the public method {@code name} of {@code target} that takes {@code args.length} parameters (a setter, a
     * getter, an API operation); a null argument matches any parameter type. What the method throws is rethrown.
     */
    public static Object call(Object target, String name, Object... args) throws Exception {
        Method found = null;
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length && accepts(m, args)) {
                if (found != null) {
                    throw new AssertionError("more than one " + name + " with " + args.length + " parameters on "
                            + target.getClass().getSimpleName());
                }
                found = m;
            }
        }
        if (found == null) {
            throw new AssertionError("no method " + name + "(" + args.length + " parameters) on "
                    + target.getClass().getSimpleName() + "; it has "
                    + Arrays.stream(target.getClass().getMethods()).map(Method::getName).distinct().sorted().toList());
        }
        try {
            return found.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static boolean accepts(Method m, Object[] args) {
        Class<?>[] types = m.getParameterTypes();
        for (int i = 0; i < args.length; i++) {
            if (args[i] != null && !box(types[i]).isInstance(args[i])) {
                return false;
            }
        }
        return true;
    }

    private static Class<?> box(Class<?> t) {
        if (!t.isPrimitive()) {
            return t;
        }
        return t == int.class
                ? Integer.class
                : t == long.class ? Long.class : t == boolean.class ? Boolean.class : t == double.class ? Double.class : t;
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(q);
            }
        }
    }
}
