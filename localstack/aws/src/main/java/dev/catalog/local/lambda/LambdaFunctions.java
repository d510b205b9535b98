package dev.catalog.local.lambda;

import java.util.List;

/** The functions the local runtime hosts: what {@code ListFunctions} shows and what {@code Invoke} reaches. */
public interface LambdaFunctions extends LambdaInvoker {

    List<FunctionDescription> list();
}
