package dev.catalog.platform.db;

import java.util.Objects;

/** Who a function connects to PostgreSQL as. */
public sealed interface DatabaseCredentials {

    /** Given as such ({@code DB_USER}, {@code DB_PASSWORD}): the local stack's. */
    record Given(String user, String password) implements DatabaseCredentials {

        public Given {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Given[user=" + user + ", password=****]";
        }
    }

    /**
     * Read from a Secrets Manager secret ({@code DB_SECRET_ARN}) when a connection is first opened, and read again
     * when the server refuses them: Aurora rotates its managed master secret, and nothing restarts the functions.
     */
    record FromSecret(String secretArn) implements DatabaseCredentials {

        public FromSecret {
            Objects.requireNonNull(secretArn, "secretArn");
        }
    }
}
