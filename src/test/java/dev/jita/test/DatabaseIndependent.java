package dev.jita.test;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A test class that touches no database of the kind under test (it reads bytecode, computes, or opens an
 * embedded H2 of its own): the H2 pass runs it, and the PostgreSQL and MariaDB passes leave it out (Maven
 * profile db-matrix), since it would do the very same thing there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(DatabaseIndependent.TAG)
public @interface DatabaseIndependent {

    String TAG = "database-independent";
}
