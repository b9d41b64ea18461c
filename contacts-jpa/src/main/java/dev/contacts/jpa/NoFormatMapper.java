package dev.contacts.jpa;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * The JSON and XML format mapper of the factory the store creates itself. Its tables have no JSON
 * or XML column, and without a mapper set Hibernate probes the class path for one when the factory
 * starts (Jackson, Jackson 3, JSON-B, Jackson XML, JAXB) and builds a Jackson {@code ObjectMapper}
 * with every module it finds; this one is never called.
 */
enum NoFormatMapper implements FormatMapper {
    INSTANCE;

    @Override
    public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions options) {
        throw unsupported();
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("the contacts store maps no JSON or XML column");
    }
}
