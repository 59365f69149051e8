package gov.budgetperf.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;

/**
 * The role × department matrix every service tests its endpoints with (DESIGN.md §7 "Security"): the callers that
 * must be refused a department's data, and the service's own JAX-RS operations read from their annotations, so that a
 * new write endpoint missing from a service's matrix fails its test instead of going unchecked.
 */
public final class AccessMatrix {

    /** A caller: what it is, for failure messages, and its bearer token (null: none). */
    public record Caller(String name, String token) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** No token at all: every API endpoint answers 401. */
    public static final Caller NO_TOKEN = new Caller("no token", null);

    private static final Set<String> DEPARTMENT = Set.of("department");

    private AccessMatrix() {
    }

    /**
     * Callers that may not change a department other than {@code own}: that department's own token (bound to
     * {@code own}), alone and combined with auditor, service or finance; department tokens without a claim or with an
     * empty one; auditor; service.
     */
    public static List<Caller> mayNotWriteAnother(String own) {
        return List.of(new Caller("department " + own, Tokens.department(own)),
                new Caller("department+auditor " + own, Tokens.roles(Set.of("department", "auditor"), own)),
                new Caller("department+service " + own, Tokens.roles(Set.of("department", "service"), own)),
                new Caller("department+finance " + own, Tokens.roles(Set.of("department", "finance"), own)),
                new Caller("department without claim", Tokens.departmentWithoutClaim()),
                new Caller("department with empty claim", Tokens.roles(DEPARTMENT, "")),
                new Caller("auditor", Tokens.auditor()), new Caller("service", Tokens.service()));
    }

    /**
     * Callers that may not read a department other than {@code own}: every department-bound token (whatever else it
     * holds) and department tokens without a usable claim. Auditor and service read everything.
     */
    public static List<Caller> mayNotReadAnother(String own) {
        return mayNotWriteAnother(own).stream().filter(c -> c.name().startsWith("department")).toList();
    }

    /**
     * Callers that may not make changes that are no one department's (finance only): those of
     * {@link #mayNotWriteAnother}, plus {@code own}'s department token, which would be allowed its own data.
     */
    public static List<Caller> notFinance(String own) {
        return mayNotWriteAnother(own);
    }

    /** Department-bound callers that must change their own department: the role combinations do not narrow it. */
    public static List<Caller> mayWriteOwn(String own) {
        return List.of(new Caller("department " + own, Tokens.department(own)),
                new Caller("department+auditor " + own, Tokens.roles(Set.of("department", "auditor"), own)),
                new Caller("department+service " + own, Tokens.roles(Set.of("department", "service"), own)));
    }

    /** "POST /api/v1/…/{code}" of every write operation (POST, PUT, DELETE, PATCH) of the resources in a package. */
    public static Set<String> writeOperations(String resourcePackage) {
        Set<String> out = new TreeSet<>();
        for (Operation o : operations(resourcePackage)) {
            if (o.write()) {
                out.add(o.key());
            }
        }
        return out;
    }

    /** One JAX-RS operation of a service: its HTTP method, full path template and the method implementing it. */
    public record Operation(String httpMethod, String path, Method method) {
        public String key() {
            return httpMethod + " " + path;
        }

        public boolean write() {
            return !Set.of("GET", "HEAD", "OPTIONS").contains(httpMethod);
        }

        /** The roles of its @RolesAllowed (method, else class), or null without one. */
        public Set<String> roles() {
            RolesAllowed r = method.getAnnotation(RolesAllowed.class);
            if (r == null) {
                r = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
            }
            return r == null ? null : Set.of(r.value());
        }

        /** Whether a security annotation decides who may call it (the services deny unannotated endpoints). */
        public boolean annotated() {
            for (Class<? extends Annotation> a : List.of(RolesAllowed.class, PermitAll.class, DenyAll.class)) {
                if (method.isAnnotationPresent(a) || method.getDeclaringClass().isAnnotationPresent(a)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return key() + " (" + method.getDeclaringClass().getSimpleName() + "." + method.getName() + ")";
        }
    }

    /**
     * Every server operation of the classes under {@code resourcePackage} (read from the compiled classes, REST-client
     * interfaces left out).
     */
    public static List<Operation> operations(String resourcePackage) {
        List<Operation> out = new ArrayList<>();
        for (Class<?> c : classes(resourcePackage)) {
            jakarta.ws.rs.Path base = c.getAnnotation(jakarta.ws.rs.Path.class);
            if (base == null || c.isInterface()) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                jakarta.ws.rs.Path sub = m.getAnnotation(jakarta.ws.rs.Path.class);
                out.add(new Operation(http, join(base.value(), sub == null ? "" : sub.value()), m));
            }
        }
        out.sort((a, b) -> a.key().compareTo(b.key()));
        return out;
    }

    private static String httpMethod(Method m) {
        for (Class<? extends Annotation> a : List.of(GET.class, POST.class, PUT.class, DELETE.class, PATCH.class,
                HEAD.class, OPTIONS.class)) {
            if (m.isAnnotationPresent(a)) {
                return a.getSimpleName();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Class<?>> classes(String pkg) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> out = new ArrayList<>();
        try {
            for (URL url : Collections.list(loader.getResources(pkg.replace('.', '/')))) {
                if (!"file".equals(url.getProtocol())) {
                    continue;
                }
                Path root = Paths.get(url.toURI());
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                        String rel = root.relativize(f).toString().replace('\\', '/');
                        String name = pkg + "." + rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
                        if (!name.contains("$")) {
                            out.add(Class.forName(name, false, loader));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** The operations' keys, for messages. */
    /**
     * Every endpoint of the package has a security annotation (the services deny unannotated ones anyway), and no
     * write admits a read-only role (auditor, service).
     */
    public static void assertRoleAnnotations(String resourcePackage) {
        List<Operation> all = operations(resourcePackage);
        org.assertj.core.api.Assertions.assertThat(all).as("endpoints of %s", resourcePackage).isNotEmpty();
        for (Operation o : all) {
            org.assertj.core.api.Assertions.assertThat(o.annotated()).as("%s has a security annotation", o).isTrue();
            if (o.write()) {
                org.assertj.core.api.Assertions.assertThat(o.roles()).as("%s: roles", o).isNotNull().isNotEmpty()
                        .doesNotContain("auditor", "service");
            }
        }
    }

    public static List<String> keys(List<Operation> operations) {
        return Arrays.asList(operations.stream().map(Operation::toString).toArray(String[]::new));
    }
}
