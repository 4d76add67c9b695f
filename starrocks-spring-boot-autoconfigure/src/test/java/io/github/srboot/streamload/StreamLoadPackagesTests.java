package io.github.srboot.streamload;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The package structure of Stream Load: what users see ({@code streamload}, {@code streamload.cdc},
 * {@code streamload.transaction}) never shows a type of the internal packages in a public signature, so the internal
 * packages can change without breaking an application.
 */
class StreamLoadPackagesTests {

    private static final String BASE = "io.github.srboot.streamload";

    private static final String INTERNAL = BASE + ".internal.";

    /**
     * Constructors that {@code StreamLoadTemplate} calls from another package with its HTTP clients or encoders: Java
     * gives no access between packages short of {@code public} (the library is no JPMS module). Users get these
     * objects from the template ({@code transaction(...)}, {@code loadWithMergeCommit(...)}, {@code applyChanges}),
     * never construct them.
     */
    private static final List<String> WIRING_CONSTRUCTORS = List.of(BASE + ".transaction.StreamLoadTransaction",
            BASE + ".transaction.MergeCommitLoader", BASE + ".cdc.ChangeApplier");

    @Test
    void theApiPackagesShowNoInternalTypeInAPublicSignature() throws Exception {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : classesUnder(BASE)) {
            if (type.getName().startsWith(INTERNAL) || !isVisible(type)) {
                continue;
            }
            signatureTypes(type.getGenericSuperclass(), type + " extends", leaks);
            for (Type implemented : type.getGenericInterfaces()) {
                signatureTypes(implemented, type + " implements", leaks);
            }
            for (Method method : type.getDeclaredMethods()) {
                if (isVisible(method.getModifiers()) && !method.isSynthetic()) {
                    signatureTypes(method.getGenericReturnType(), method.toString(), leaks);
                    executable(method, leaks);
                }
            }
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (isVisible(constructor.getModifiers()) && !constructor.isSynthetic()
                        && !WIRING_CONSTRUCTORS.contains(type.getName())) {
                    executable(constructor, leaks);
                }
            }
            for (Field field : type.getDeclaredFields()) {
                if (isVisible(field.getModifiers()) && !field.isSynthetic()) {
                    signatureTypes(field.getGenericType(), field.toString(), leaks);
                }
            }
        }
        assertThat(leaks).as("public signatures of the Stream Load API that show an internal type").isEmpty();
    }

    @Test
    void theScanSeesTheInternalPackages() throws Exception {
        // Guards the test above against a scan that finds nothing (it would then pass whatever the code says).
        assertThat(classesUnder(BASE)).extracting(Class::getName)
            .contains(BASE + ".StreamLoadTemplate", BASE + ".cdc.ChangeRecord",
                    BASE + ".transaction.StreamLoadTransaction", INTERNAL + "http.LoadRunner",
                    INTERNAL + "encoding.BatchEncoder");
    }

    private static void executable(Executable executable, List<String> leaks) {
        for (Type parameter : executable.getGenericParameterTypes()) {
            signatureTypes(parameter, executable.toString(), leaks);
        }
        for (Type thrown : executable.getGenericExceptionTypes()) {
            signatureTypes(thrown, executable.toString(), leaks);
        }
    }

    private static void signatureTypes(Type type, String where, List<String> leaks) {
        if (type == null) {
            return;
        }
        String name = type.getTypeName();
        int at = name.indexOf(INTERNAL);
        if (at >= 0) {
            leaks.add(where + " shows " + name.substring(at).split("[<>,\\[ ]")[0]);
        }
    }

    private static boolean isVisible(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getDeclaringClass()) {
            if (!isVisible(current.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isVisible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static List<Class<?>> classesUnder(String packageName) throws IOException, ClassNotFoundException {
        Resource[] resources = new PathMatchingResourcePatternResolver()
            .getResources("classpath*:" + packageName.replace('.', '/') + "/**/*.class");
        TreeSet<String> names = new TreeSet<>();
        for (Resource resource : resources) {
            String url = resource.getURL().toString();
            if (url.contains("/test-classes/")) {
                continue;
            }
            String path = url.substring(url.indexOf(packageName.replace('.', '/')));
            names.add(path.substring(0, path.length() - ".class".length()).replace('/', '.'));
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            classes.add(Class.forName(name, false, StreamLoadPackagesTests.class.getClassLoader()));
        }
        return classes;
    }

}
