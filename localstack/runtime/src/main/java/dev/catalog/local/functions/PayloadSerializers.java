package dev.catalog.local.functions;

import com.amazonaws.services.lambda.runtime.CustomPojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * (De)serializes a handler's input and output the way Lambda's Java runtime (aws-lambda-java-runtime-interface-client)
 * does, in its order: the function's own {@link CustomPojoSerializer} if it registers one; for the event classes
 * aws-lambda-java-serialization lists as supported, its serializer with their mixins; for every other type
 * (APIGatewayV2HTTPEvent and KafkaEvent included, which that list leaves out) its {@link JacksonFactory}, the
 * shaded Jackson the runtime configures for POJOs. So a function meets the same naming and null handling here as
 * in Lambda.
 */
final class PayloadSerializers {

    private final ClassLoader functionLoader;
    private final Optional<CustomPojoSerializer> custom;

    PayloadSerializers(ClassLoader functionLoader) throws FunctionInitException {
        this.functionLoader = functionLoader;
        List<CustomPojoSerializer> customs = ServiceLoader.load(CustomPojoSerializer.class, functionLoader).stream()
                .map(ServiceLoader.Provider::get)
                .toList();
        if (customs.size() > 1) {
            throw new FunctionInitException(LambdaError.badFunctionCode(
                    "Too many serializers provided inside the META-INF/services folder, only one is allowed"));
        }
        this.custom = customs.stream().findFirst();
    }

    @SuppressWarnings("unchecked")
    PojoSerializer<Object> forType(Type type) {
        if (custom.isPresent()) {
            return new CustomSerializer(custom.get(), type);
        }
        if (type instanceof Class<?> eventClass && LambdaEventSerializers.isLambdaSupportedEvent(eventClass.getName())) {
            return LambdaEventSerializers.serializerFor((Class<Object>) eventClass, functionLoader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    private record CustomSerializer(CustomPojoSerializer serializer, Type type) implements PojoSerializer<Object> {

        @Override
        public Object fromJson(InputStream input) {
            return serializer.fromJson(input, type);
        }

        @Override
        public Object fromJson(String input) {
            return serializer.fromJson(input, type);
        }

        @Override
        public void toJson(Object value, OutputStream output) {
            serializer.toJson(value, output, type);
        }
    }
}
