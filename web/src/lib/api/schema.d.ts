/**
 * Generated from docs/openapi.json by `npm run gen:api` (openapi-typescript).
 * Do not edit: change the document and run the script again.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and database check */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: operations["openapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create an account (buyer or vendor) and sign in
         * @description A taken email gets 409, so this answer tells whether an email is registered (login does not): a trade-off kept until the server sends mail (README.md, Security). Sign-ups are limited per client address (per hour). An email with a control or format character (C0/C1 controls, DEL, bidirectional or zero-width characters) is 422. The refresh token is set as an HttpOnly cookie, and also returned in the body unless the request sends X-Requested-With (a browser client). A welcome mail carries a link that confirms the address (POST /api/auth/verify-email); a vendor opens a shop only once it is confirmed.
         */
        post: operations["register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with email and password
         * @description Unknown email and wrong password get the same 401. Attempts are limited per client address (per minute) and per email from one client address (per 15 minutes), so that no one can lock a chosen account out. An email with a control or format character is 422. The refresh token is set as an HttpOnly cookie, and also returned in the body unless the request sends X-Requested-With (a browser client).
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trade a refresh token for new tokens
         * @description Refresh tokens are single-use: the answer carries a new one. Presenting a token that was already used revokes every token descended from the same sign-in. API clients send the token in a JSON body (no CSRF check: the token itself is the secret). The web app sends no body: the token comes from the pocketshop_refresh cookie, and the request must carry X-Requested-With and, when the browser sends Sec-Fetch-Site, come from the same origin (else 403 /problems/csrf-rejected); the answer then leaves refresh_token out of the body and sets the new cookie.
         */
        post: operations["refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a refresh token (and its family)
         * @description Revokes the family of the token in the JSON body or, without a body, of the pocketshop_refresh cookie (with the same CSRF checks as refresh); either way the answer deletes the cookie. Without a cookie there is nothing to revoke, and the answer is still 204.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout-others": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out every other device
         * @description Needs the password: the answer is a new session, which a stolen access token alone must not buy. Revokes every session of the user (refresh tokens, and access tokens at once, this client's included) and answers with a new one for this client, as sign-in does. The password is unchanged; a notice goes to the address. Of concurrent requests, each may succeed; the last one's session is the one that lives, and a request checked after another's commit gets 401. Counts against the per-user budget of password-confirmed actions (429 past it).
         */
        post: operations["logoutOthers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["me"];
        put?: never;
        post?: never;
        /**
         * Delete the account
         * @description Needs the password. Ends every session and empties the account of personal data: the shops keep the buyer's orders with the name and address blanked, reviews stay under "Deleted user", the cart and notifications go, and the address is free for a new account. A vendor whose shop has orders not yet delivered or cancelled, held earnings, a balance or a payout on its way is refused (account-in-use); otherwise the shop's products are archived. Counts against the per-user budget of password-confirmed actions (429 past it).
         */
        delete: operations["deleteAccount"];
        options?: never;
        head?: never;
        /**
         * Change your name
         * @description The name shown to shops on your orders and in messages, and under your reviews; what was written before shows the new name too. Leading and trailing spaces are dropped.
         */
        patch: operations["updateMe"];
        trace?: never;
    };
    "/api/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an image (any signed-in user)
         * @description One JPEG, PNG, WebP or GIF image as the multipart/form-data part named `file`. The bytes decide the format (the file name and the part's Content-Type are ignored); the image is decoded to prove it, refused before decoding when width x height exceeds the configured pixel limit, rotated upright from its EXIF orientation, stripped of all metadata (EXIF, GPS, XMP, ICC) and stored as WebP variants 320, 800 and 1600 pixels wide (never wider than the original). The image belongs to the uploader; use its id for a shop logo or cover, a product image, or a message's attachment. The body limit is the upload limit (--max-upload-bytes), not the JSON one. Each user may upload --upload-limit-per-user images an hour (300 by default, in bursts up to that many), counted by every instance together on PostgreSQL; past it, 429 with Retry-After.
         */
        post: operations["uploadImage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/media/{key}/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An image variant (public)
         * @description The WebP files behind the `urls` of an Image. Content addressed and immutable: cache forever; the strong ETag answers If-None-Match with 304.
         */
        get: operations["getMediaFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Discover shops
         * @description Open shops only: a closed shop (closed_at set) is left out, and out of total.
         */
        get: operations["listShops"];
        put?: never;
        /**
         * Open the vendor's shop (one per vendor)
         * @description A vendor whose address is not confirmed yet gets 403 email-unverified.
         */
        post: operations["createShop"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/shops/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A shop and the first page of its products */
        get: operations["getShop"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit the shop (owner only); absent fields stay, null removes an image */
        patch: operations["updateShop"];
        trace?: never;
    };
    "/api/my/shop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in vendor's shop */
        get: operations["myShop"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The product categories */
        get: operations["categories"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search and browse active products, with category facets */
        get: operations["searchProducts"];
        put?: never;
        /** List a product in the vendor's shop */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product with its shop and all images; drafts only for their owner */
        get: operations["getProduct"];
        put?: never;
        post?: never;
        /** Remove a product (archived: orders keep it) */
        delete: operations["deleteProduct"];
        options?: never;
        head?: never;
        /** Edit a product (owner only); images replaces the ordered list */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/api/my/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The vendor's own products, drafts included */
        get: operations["myProducts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/carts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a guest cart */
        post: operations["createGuestCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cart with current prices, per-shop subtotals and stock warnings */
        get: operations["getCart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add to the cart (quantities add up)
         * @description A cart holds one currency: an item priced in another currency than the items already in the cart is refused (/problems/cart-currency-mismatch). Concurrent adds to one cart take turns, so a cart never ends up mixed.
         */
        post: operations["addToCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/items/{product_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a line's quantity (0 removes it) */
        put: operations["setCartQuantity"];
        post?: never;
        /** Remove a line */
        delete: operations["removeFromCart"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/cart/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move a guest cart into the signed-in user's cart (call after sign-in)
         * @description Guest items in another currency than the account cart's (or, for an empty cart, than the first guest item's) are left out, as are the user's own products.
         */
        post: operations["mergeCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pay for the cart: one order per shop
         * @description All or nothing. The card never reaches this server: the browser sends it to the payment gateway's tokenizing endpoint (see GET /api/payments/config) and posts only the single-use token it gets back, as payment_token. A body with card details (card, card_number, number, cvc, ...) is refused with /problems/card-data-refused, whose expected member names payment_token. Honours Idempotency-Key: a retry with the same key and body (as parsed) returns the first answer (201 or 402) and charges once; the same key with another body is a 422; a concurrent request with the key waits for the first and returns its answer (a 409 only for a key claimed by a request whose server died, until its 60 s lease ends). A retry must reuse its token: tokens are single-use. Test cards (tokenized at the test gateway, docs/gateway.md): 4242 4242 4242 4242 approves; 4000 0000 0000 0002 declines (generic_decline); 4000 0000 0000 9995 declines (insufficient_funds).
         */
        post: operations["checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Where the browser tokenizes the card
         * @description The gateway's tokenizing endpoint and the publishable key. The card goes there, never to /api.
         */
        get: operations["paymentConfig"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's orders, newest first */
        get: operations["myOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order with its status timeline (its buyer or its shop's vendor) */
        get: operations["getOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel before shipping (buyer; or the vendor, with a reason): restocks and releases the payment */
        post: operations["cancelOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/process": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vendor: paid → processing */
        post: operations["processOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vendor: paid|processing → shipped; captures the payment */
        post: operations["shipOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vendor: shipped → delivered */
        post: operations["deliverOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Vendor: refund what is left of a shipped or delivered order
         * @description Refunds everything not refunded yet (see POST /api/orders/{id}/refunds for parts); the order becomes refunded.
         */
        post: operations["refundOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Vendor: refund items or an amount of a shipped or delivered order
         * @description Refunds to the buyer's card, up to what was captured less what was already refunded; the platform gives back its fee in proportion. Once everything is refunded the order is refunded. With an Idempotency-Key, a retry of the same request answers the first refund again (header Idempotent-Replayed: true) and refunds nothing more.
         */
        post: operations["refundOrderPart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/shop/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The vendor's shop's orders, newest first */
        get: operations["shopOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dashboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Vendor dashboard: 30 days of revenue, top products, low stock */
        get: operations["dashboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's reviews, newest first; a draft's only for its owner */
        get: operations["listReviews"];
        put?: never;
        /** Review a product you received (once) */
        post: operations["createReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete your review
         * @description The author takes the review back, with the shop's reply to it. Its rating leaves the product's average, and the buyer may review the product again. Of two deletions at once, one answers 204 and the other 404.
         */
        delete: operations["deleteReview"];
        options?: never;
        head?: never;
        /** Edit your review */
        patch: operations["updateReview"];
        trace?: never;
    };
    "/api/reviews/{id}/reply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * The product's vendor changes its reply
         * @description The buyer, told of the reply when it came, is not notified again. Identical edits at once all answer 200.
         */
        put: operations["editReviewReply"];
        /** The product's vendor replies (once) */
        post: operations["replyToReview"];
        /**
         * The product's vendor withdraws its reply
         * @description The review stays. Of two withdrawals at once, one answers 204 and the other 404.
         */
        delete: operations["deleteReviewReply"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics: requests and latency by route and status, checkouts and uploads by outcome, database pool use
         * @description Needs Authorization: Bearer <POCKETSHOP_METRICS_TOKEN> when that is set.
         */
        get: operations["metrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the platform owes the vendor, per currency
         * @description What the platform owes the vendor, per currency: the net of its shipped orders (total less the platform's fee) less refunds. A sale's net is pending until the store's payout hold (payout_hold_days, 7 by default) after its order is delivered, then available. Orders paid but not yet shipped are not in it: their money is not captured yet. paid_cents is what payouts have paid (a failed payout gives it back to available).
         */
        get: operations["myBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/statement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The vendor's statement, newest first
         * @description One line per sale (an order shipped and captured) and refund (in full or in part) of the vendor's orders: gross, the platform's fee and net, with the balance (pending and available together) after it. Releases of pending earnings are not lines: they move nothing between the vendor and anyone else.
         */
        get: operations["myStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/statement.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The vendor's statement for a range of days, as CSV
         * @description The statement's lines posted from the first day to the last (both included, UTC), oldest first, as text/csv (RFC 4180, lines end in CRLF) with a header line: date (RFC 3339, UTC), kind (sale or refund), order_id, currency, gross, fee, net and balance (pending and available together, after the line, counted over all of the vendor's lines), amounts as decimal strings with two fraction digits ("-12.05"). Text cells that would start like a spreadsheet formula (= + - @) are prefixed with '. Sent as an attachment (Content-Disposition) named statement-<from>-to-<to>.csv.
         */
        get: operations["myStatementCsv"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/earnings/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What each of the shop's orders earned, newest first
         * @description One item per order whose sale the ledger recorded (an order counts once it is captured, when it ships): gross, the platform's fee, refunds and the fee they gave back, and net, in the order's currency, with where the money stands (pending, available, in a payout, paid out).
         */
        get: operations["myOrderEarnings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/earnings/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What one of the shop's orders earned
         * @description The same figures as one item of /api/my/earnings/orders. 404 for an order of another shop, and for one of this shop not captured yet (no sale in the ledger).
         */
        get: operations["myOrderEarning"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/payments/webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The payment gateway's events (Stripe webhooks)
         * @description Signed with Stripe's scheme: Stripe-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" keyed with the whole whsec_ secret> (several v1 values allowed; timestamps over 300 s from now refused). The event is recorded by its id and answered at once; its effects (the payment's gateway status and amounts, a dispute's clawback from the vendors, and its outcome: won gives back what was taken, lost keeps it) are applied by a job, once. A delivery of an id already recorded answers 200 with duplicate true and changes nothing. Bodies over 256 KiB are refused.
         */
        post: operations["paymentWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/payout-account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shop's payout account, or null before one is connected */
        get: operations["myPayoutAccount"];
        put?: never;
        /**
         * Connect the shop's payout account
         * @description Creates the shop's connected account at the payment gateway, once: calling it again answers the same account. test_payout_failure is honoured only when the gateway is in test mode (an sk_test_ key): every payout of the account then fails with that code (docs/gateway.md).
         */
        post: operations["connectPayoutAccount"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/payout-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the payout schedule and minimum */
        put: operations["setPayoutSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/payouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shop's payouts, newest first, with their orders */
        get: operations["myPayouts"];
        put?: never;
        /**
         * Pay out the available balance now
         * @description Takes the whole available balance in one currency (currency may be left out when money is available in one only), if it is at least the shop's minimum; the gateway transfer and payout follow in the background. With an Idempotency-Key the shop used before, answers that payout (200) and pays nothing more; concurrent requests never pay more than is available.
         */
        post: operations["requestPayout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My notifications, newest first */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of my notifications are unread (one indexed count: for every page view) */
        get: operations["countUnreadNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks one of my notifications read (again: no change) */
        post: operations["markNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Marks all my notifications read */
        post: operations["markAllNotificationsRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My conversations, as buyer and as my shop's vendor, newest activity first */
        get: operations["listConversations"];
        put?: never;
        /**
         * Write to a shop: starts the thread of this buyer, shop and subject, or adds to it
         * @description One thread per buyer, shop and subject (the order, else the product, else none): starting again, even concurrently, writes into the same thread. The recipient is notified in the app at once, and mailed if the message is still unread after --message-mail-delay. Rate limited per sender (--message-limit-per-user a minute, --conversation-limit-per-user starts an hour).
         */
        post: operations["startConversation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A conversation with a page of its messages (newest first) */
        get: operations["getConversation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Write in a conversation (either party) */
        post: operations["sendMessage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/conversations/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark the conversation read up to a message (default: its last); never moves back */
        post: operations["markConversationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/unread-messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many messages to me are unread, over all my conversations (for the header) */
        get: operations["countUnreadMessages"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask for a password reset link
         * @description Mails a single-use link (/reset-password?token=...) to the address when an account uses it; the token expires in 1 hour and only its SHA-256 is stored. Known and unknown addresses get the same answer. Limited per client address and per email address (per hour).
         */
        post: operations["requestPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a mailed reset link
         * @description Uses the link's token once (of concurrent identical requests, one succeeds), sets the password and revokes every session of the user (every refresh token, and every access token at once). It also confirms the address.
         */
        post: operations["confirmPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm an email address with a mailed link
         * @description Uses the token of a welcome or verification mail once (it lasts 48 hours). When the link was sent to a new address (POST /api/me/email), the account's address becomes that one now.
         */
        post: operations["verifyEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/verification-mail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the verification link again
         * @description A few per hour per user.
         */
        post: operations["resendVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password
         * @description Needs the current password. Revokes every session of the user (refresh tokens, and access tokens at once, this client's included) and answers with a new one for this client, as sign-in does; a notice goes to the address. Of concurrent changes, one succeeds and the others get password-incorrect. Counts against the per-user budget of password-confirmed actions (429 past it).
         */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the email address
         * @description Needs the password. Mails a verification link to the new address and a notice to the current one; the address changes only when the link is followed (POST /api/auth/verify-email). Counts against the per-user budget of password-confirmed actions (429 past it).
         */
        post: operations["changeEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download my data
         * @description Everything kept about the user as one JSON document, sent as an attachment (Content-Disposition).
         */
        get: operations["exportMyData"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mail/unsubscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One-click unsubscribe (RFC 8058)
         * @description The URL of a mail's List-Unsubscribe header; mail clients POST List-Unsubscribe=One-Click to it (List-Unsubscribe-Post). No login: the signed token names the user and the topic, which is turned off. The body is not read. Repeating it is harmless.
         */
        post: operations["unsubscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/notification-preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's notification preferences */
        get: operations["notificationPreferences"];
        /** Turn notification topics on or off */
        put: operations["setNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dev/mailbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Development mailbox: the mails written, newest first
         * @description Every mail in the outbox. Only while no SMTP server is configured (a local instance: `make run`); with --smtp-url it answers 404. It shows every mail the server wrote, to anyone who can reach it: never expose it.
         */
        get: operations["devMailbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dev/mailbox/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Development mailbox: one mail with its text and HTML parts
         * @description Only while no SMTP server is configured (a local instance: `make run`); with --smtp-url it answers 404. It shows every mail the server wrote, to anyone who can reach it: never expose it.
         */
        get: operations["devMailboxMail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/dev/mailbox/{id}/raw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Development mailbox: the whole message as sent (.eml)
         * @description Only while no SMTP server is configured (a local instance: `make run`); with --smtp-url it answers 404. It shows every mail the server wrote, to anyone who can reach it: never expose it.
         */
        get: operations["devMailboxRaw"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/address": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user's saved shipping address
         * @description The address the buyer last chose to keep at checkout (one per user), which checkout offers first. Each user reads only their own: the user is the access token's.
         */
        get: operations["savedAddress"];
        /**
         * Save (or replace) the signed-in user's shipping address
         * @description Replaces any address saved before, in one statement: concurrent identical saves (a double submit) leave one address.
         */
        put: operations["saveAddress"];
        post?: never;
        /** Forget the signed-in user's saved address */
        delete: operations["forgetAddress"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/products/{id}/review-eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether the signed-in viewer may review the product (only buyers who received it, once) */
        get: operations["getReviewEligibility"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write about an order to its other party: the buyer to the shop, the shop's vendor to the buyer
         * @description Writes in the order's one thread (the one the buyer's "Ask about this order" opens, created by the first message from either side). Only the order's buyer and its shop's vendor may: anyone else gets 404, as for an order that does not exist. The recipient is notified in the app at once, and mailed if the message is still unread after --message-mail-delay. Rate limited per sender like starting a conversation.
         */
        post: operations["writeAboutOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/orders/{id}/dispute/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Vendor: answer the dispute of the order's payment
         * @description Sends the vendor's explanation to the buyer's bank through the payment gateway, as the dispute's evidence (uncategorized_text), with the order's items (product_description) and, once shipped, its carrier and tracking number; submitted at once, once per dispute. The dispute's outcome comes later, by the gateway's events: won gives back what it took, lost keeps it (the vendor is told either way). For a payment that paid several shops' orders, the first of their vendors to answer answers for all.
         */
        post: operations["answerOrderDispute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/favorites": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My favorites: the products I saved, newest first
         * @description Each item is the product as it is now. available is false for one that can no longer be bought (the shop archived it, took it back to draft or closed): it stays in the list, so that the person sees what became of it, until they remove it.
         */
        get: operations["listFavorites"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/favorites/ids": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The ids of every product I saved, newest first
         * @description What a client needs to mark saved products wherever it shows them (at most 500).
         */
        get: operations["favoriteIds"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/me/favorites/{product_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Save a product to my favorites
         * @description Idempotent: saving a product saved already keeps the first time, and identical saves at once (a double tap) leave one favorite. A person keeps at most 500.
         */
        put: operations["saveFavorite"];
        post?: never;
        /**
         * Remove a product from my favorites
         * @description Idempotent: removing one that is not saved answers 204 too.
         */
        delete: operations["removeFavorite"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/my/favorite-counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many people saved each of my shop's products
         * @description For the vendor: the products of their shop that someone saved, most saved first, each with how many people saved it. A count only: who saved it is not shown.
         */
        get: operations["favoriteCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description RFC 9457 problem details. type names the failure: one of the types listed, each described (with its status and title) in components.x-problem-types. Clients should branch on type, not on status or title. Some types carry extension members: decline_code (payment-declined), product_id (out-of-stock, product-unavailable), refundable_cents (refund-exceeds-captured), product_id and refundable_quantity (refund-quantity-exceeded), available_cents and minimum_cents (payout-below-minimum), cart_currency and currency (cart-currency-mismatch). */
        Problem: {
            /** @enum {string} */
            type: "/problems/bad-request" | "/problems/unauthorized" | "/problems/forbidden" | "/problems/csrf-rejected" | "/problems/own-shop-purchase" | "/problems/not-found" | "/problems/method-not-allowed" | "/problems/conflict" | "/problems/email-taken" | "/problems/shop-slug-taken" | "/problems/shop-exists" | "/problems/shop-required" | "/problems/review-exists" | "/problems/review-replied" | "/problems/cart-empty" | "/problems/quantity-limit" | "/problems/out-of-stock" | "/problems/product-unavailable" | "/problems/order-state" | "/problems/order-changed" | "/problems/idempotency-key-in-use" | "/problems/payment-declined" | "/problems/payload-too-large" | "/problems/unsupported-media-type" | "/problems/card-data-refused" | "/problems/payment-token-invalid" | "/problems/validation" | "/problems/rate-limited" | "/problems/headers-too-large" | "/problems/internal" | "/problems/payment-gateway" | "/problems/webhook-signature-invalid" | "/problems/webhook-timestamp-out-of-tolerance" | "/problems/webhook-event-malformed" | "/problems/webhooks-not-configured" | "/problems/unavailable" | "/problems/database-unavailable" | "/problems/database-read-only" | "/problems/insufficient-storage" | "/problems/refund-exceeds-captured" | "/problems/refund-quantity-exceeded" | "/problems/payout-account-required" | "/problems/payout-below-minimum" | "/problems/token-invalid" | "/problems/password-incorrect" | "/problems/email-unverified" | "/problems/email-already-verified" | "/problems/account-in-use" | "/problems/unsubscribe-token-invalid" | "/problems/cart-currency-mismatch" | "/problems/recipient-deleted" | "/problems/dispute-not-open" | "/problems/dispute-evidence-sent" | "/problems/favorites-full";
            title: string;
            status: number;
            detail: string;
            errors?: {
                [key: string]: string[];
            };
            /** @description payment-declined: the gateway's reason (card_declined, insufficient_funds, expired_card, incorrect_cvc, ...). */
            decline_code?: string;
            /** @description out-of-stock, product-unavailable: the product at fault. */
            product_id?: number;
            /** @description card-data-refused: the field to send instead (payment_token). */
            expected?: string;
            /** @description cart-currency-mismatch: the currency the cart holds */
            cart_currency?: string;
            /** @description cart-currency-mismatch: the currency of the item refused */
            currency?: string;
        };
        Health: {
            /** @constant */
            status?: "ok";
            /** @constant */
            database?: "ok";
        };
        /** @enum {string} */
        Role: "buyer" | "vendor";
        User: {
            id: number;
            /** Format: email */
            email: string;
            display_name: string;
            role: components["schemas"]["Role"];
            /** Format: date-time */
            created_at: string;
            /** @description Whether the address was confirmed through a mailed link. A vendor opens a shop only once it is. */
            email_verified: boolean;
        };
        Session: {
            user: components["schemas"]["User"];
            access_token: string;
            /** @description Only for clients that do not send X-Requested-With; browsers get it as the HttpOnly cookie instead */
            refresh_token?: string;
            /** @constant */
            token_type: "Bearer";
            /** @description seconds the access token lives */
            expires_in: number;
        };
        RegisterRequest: {
            /**
             * Format: email
             * @description trimmed and lower-cased
             */
            email: string;
            password: string;
            display_name: string;
            role: components["schemas"]["Role"];
        };
        LoginRequest: {
            email: string;
            password: string;
        };
        RefreshRequest: {
            refresh_token: string;
        };
        LogoutOthersRequest: {
            password: string;
        };
        Image: {
            id: number;
            /** @description Upright width of the original, in pixels */
            width: number;
            /** @description Upright height of the original, in pixels */
            height: number;
            urls: {
                /**
                 * Format: uri-reference
                 * @description WebP, 320 pixels wide (or narrower: never upscaled)
                 */
                small: string;
                /**
                 * Format: uri-reference
                 * @description WebP, 800 pixels wide (or narrower)
                 */
                medium: string;
                /**
                 * Format: uri-reference
                 * @description WebP, 1600 pixels wide (or narrower)
                 */
                large: string;
            };
        };
        ShopSummary: {
            id: number;
            slug: string;
            name: string;
            accent_color: string;
        };
        /** @description An order's shop: its summary, and when it closed (its vendor deleted the account: nobody there answers messages any more). */
        OrderShop: components["schemas"]["ShopSummary"] & {
            /**
             * Format: date-time
             * @description When the shop closed (its vendor deleted the account); null while open. A closed shop sells nothing, is left out of the shop directory, and its page stays for the buyers whose orders name it.
             */
            closed_at: string | null;
        };
        Shop: {
            id: number;
            slug: string;
            name: string;
            description: string;
            accent_color: string;
            logo: components["schemas"]["Image"] | null;
            cover: components["schemas"]["Image"] | null;
            shipping_policy: string;
            returns_policy: string;
            product_count: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /**
             * Format: date-time
             * @description When the shop closed (its vendor deleted the account); null while open. A closed shop sells nothing, is left out of the shop directory, and its page stays for the buyers whose orders name it.
             */
            closed_at: string | null;
            /** @description by currency; at most one per currency */
            shipping_rates: components["schemas"]["ShippingRate"][];
        };
        ShopWithProducts: components["schemas"]["Shop"] & {
            products: components["schemas"]["ProductPage"];
        };
        /** @description Unknown fields (owner_id, id, product_count…) are ignored. */
        ShopInput: {
            name?: string;
            /** @description derived from the name when absent */
            slug?: string;
            description?: string;
            accent_color?: string;
            logo_image_id?: number | null;
            cover_image_id?: number | null;
            shipping_policy?: string;
            returns_policy?: string;
            /** @description replaces every rate the shop had; each currency once; [] ships everything free */
            shipping_rates?: components["schemas"]["ShippingRate"][];
        };
        Page: {
            /** @description null for a product page asked for with after */
            page: number | null;
            limit: number;
            total: number;
            pages: number;
        };
        ShopPage: components["schemas"]["Page"] & {
            items: (components["schemas"]["Shop"] & {
                /** @description the shop's four newest products on sale */
                products: components["schemas"]["ProductSummary"][];
            })[];
        };
        ProductImage: components["schemas"]["Image"] & {
            alt_text: string;
        };
        /** @description A product as lists, shop pages and carts show it: no description, only the main image. */
        ProductSummary: {
            id: number;
            shop: components["schemas"]["ShopSummary"];
            name: string;
            category: string;
            price_cents: number;
            currency: string;
            inventory: number;
            in_stock: boolean;
            /** @enum {unknown} */
            status: "active" | "draft";
            /** @description the main image */
            image: components["schemas"]["ProductImage"] | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            rating_count: number;
            rating_average: number | null;
        };
        /** @description The product page: the summary with its description and every image in order. */
        Product: components["schemas"]["ProductSummary"] & {
            description: string;
            /** @description all images, in order */
            images: components["schemas"]["ProductImage"][];
        };
        ProductPage: components["schemas"]["Page"] & {
            items: components["schemas"]["ProductSummary"][];
            facets: {
                category: {
                    value: string;
                    count: number;
                }[];
            };
            /** @description pass as after for the page that follows; null on the last page and with sort=relevance */
            next: string | null;
            /** @description true when counting stopped at the cap (1,000 matches of a search or filter): total, pages and the category facet counts then count only the first 1,000 matches and are lower bounds, shown as "1,000+ results". The whole catalogue (at most narrowed to a category) and one shop's listed products (?shop= without other filters) are counted exactly and never capped; so is, on PostgreSQL, a search for a single word that begins no other indexed word, without a price range. */
            total_capped: boolean;
            /** @description present only when a text search found nothing: the closest spelling of its words (by trigram similarity, then fewest edits, among the words of product names and categories) that finds something under the same filters, e.g. q=scraf gives "scarf". Searches that find something never carry it. */
            did_you_mean?: string;
        };
        /** @description name, category and price_cents are required on create. Unknown fields (shop_id, id…) are ignored. */
        ProductInput: {
            name?: string;
            description?: string;
            /** @enum {unknown} */
            category?: "art" | "jewelry" | "clothing" | "home" | "kitchen" | "stationery" | "toys" | "beauty" | "plants" | "books" | "accessories" | "food";
            price_cents?: number;
            /**
             * @default USD
             * @enum {unknown}
             */
            currency: "USD" | "EUR" | "GBP" | "CAD" | "AUD" | "NZD" | "CHF" | "SEK" | "NOK" | "DKK";
            /** @default 0 */
            inventory: number;
            /**
             * @default active
             * @enum {unknown}
             */
            status: "active" | "draft";
            images?: {
                image_id: number;
                alt_text?: string;
            }[];
        };
        CartLine: {
            product: components["schemas"]["ProductSummary"];
            quantity: number;
            /** @description minor units */
            unit_price_cents: number;
            /** @description minor units */
            line_total_cents: number;
            warning: string | null;
        };
        Cart: {
            items: components["schemas"]["CartLine"][];
            shops: {
                shop: components["schemas"]["ShopSummary"];
                /** @description minor units */
                subtotal_cents: number;
                items: components["schemas"]["CartLine"][];
                /** @description minor units: what the shop charges to ship its part of the cart */
                shipping_cents: number;
                /** @description minor units: the items total at which this shop ships free in the cart's currency; null when it never does (or always does) */
                free_shipping_over_cents: number | null;
            }[];
            item_count: number;
            /** @description minor units: items and shipping, what checkout charges */
            total_cents: number;
            currency: string | null;
            warnings: string[];
            /** @description minor units: the items */
            subtotal_cents: number;
            /** @description minor units: every shop's shipping */
            shipping_cents: number;
        };
        ShippingAddress: {
            name: string;
            line1: string;
            line2?: string;
            city: string;
            postal_code: string;
            country: string;
            /** @description State, province or county, where the country's addresses have one ("OR" in "Portland, OR 97201"). Optional; addresses stored before it have no such member. */
            region?: string;
        };
        CheckoutRequest: {
            /** @description The single-use card token (tok_...) from the gateway's POST /v1/tokens, made with the publishable key. */
            payment_token: string;
            shipping_address: components["schemas"]["ShippingAddress"];
        };
        Payment: {
            id: number;
            status: string;
            /** @description minor units */
            amount_cents: number;
            currency: string;
            card_brand: string;
            card_last4: string;
        };
        CheckoutResult: {
            checkout_id: number;
            /** @description minor units */
            total_cents: number;
            currency: string;
            payment: components["schemas"]["Payment"];
            orders: components["schemas"]["Order"][];
        };
        Order: {
            id: number;
            checkout_id: number;
            shop: components["schemas"]["OrderShop"];
            buyer: {
                id: number;
                display_name: string;
            };
            /** @enum {unknown} */
            status: "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded";
            /** @enum {unknown} */
            payment_status: "authorized" | "captured" | "voided" | "refunded";
            /** @description minor units: items and shipping */
            total_cents: number;
            currency: string;
            items: {
                product_id: number;
                name: string;
                /** @description minor units */
                unit_price_cents: number;
                quantity: number;
                /** @description minor units */
                line_total_cents: number;
                /** @description the product's main image now, for a thumbnail; null when it has none or is gone */
                image: components["schemas"]["ProductImage"] | null;
            }[];
            shipping_address: components["schemas"]["ShippingAddress"];
            carrier: string | null;
            tracking_number: string | null;
            cancel_reason: string | null;
            can_cancel: boolean;
            events: {
                /** @enum {string} */
                status: "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded";
                note: string;
                /** @enum {unknown} */
                actor: "buyer" | "vendor" | "system";
                /** Format: date-time */
                at: string;
            }[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            /** @description minor units refunded so far (always sent; not listed as required until the web app's test fixtures carry it) */
            refunded_cents?: number;
            /** @description oldest first (always sent; not listed as required until the web app's test fixtures carry it) */
            refunds?: components["schemas"]["OrderRefund"][];
            /** @description Shown to the shop's vendor only: the platform's fee on the order (fixed when it was shipped and captured; null before), less the part given back with refunds */
            platform_fee_cents?: number | null;
            /** @description Shown to the shop's vendor only: what the vendor keeps, the total less refunds, platform_fee_cents and what a card dispute of the payment holds back (dispute.taken_back_cents while it is open or lost; nothing once won); null before capture */
            vendor_net_cents?: number | null;
            /** @description Shown to the buyer on GET /api/orders/{id} only: the card the order was paid with and what the order charged to it */
            payment?: {
                /** @description visa, mastercard, amex, discover or unknown */
                card_brand: string;
                card_last4: string;
                /** @description minor units: the order's total */
                amount_cents: number;
            };
            /** @description The carrier's tracking page for the tracking number, for the carriers people name most; null for another carrier. */
            tracking_url: string | null;
            dispute?: components["schemas"]["OrderDispute"];
            /** @description minor units: the shop's shipping charge, part of total_cents */
            shipping_cents: number;
        };
        OrderPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Order"][];
        };
        Dashboard: {
            revenue_by_day: {
                /** Format: date */
                date: string;
                /** @description minor units */
                revenue_cents: number;
                orders: number;
            }[];
            top_products: {
                product_id: number;
                name: string;
                units: number;
                /** @description minor units */
                revenue_cents: number;
            }[];
            low_stock: {
                product_id: number;
                name: string;
                inventory: number;
            }[];
            /** @description of every amount in the dashboard: the currency most of the shop's orders (else products) are in */
            currency: string;
        };
        Review: {
            id: number;
            product_id: number;
            author: {
                id: number;
                display_name: string;
            };
            rating: number;
            body: string;
            reply: string | null;
            replied_at: string | null;
            created_at: string;
            updated_at: string;
        };
        ReviewPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Review"][];
        };
        Balances: {
            balances: {
                currency: string;
                /** @description minor units owed to the vendor, pending_cents + available_cents; negative when refunds exceeded earnings */
                balance_cents: number;
                /** @description earnings on hold until payout_hold_days after their order is delivered */
                pending_cents: number;
                /** @description earnings released, less refunds taken from them; negative when a refund after payout exceeded them (made up by later earnings) */
                available_cents: number;
                /** @description paid out to the vendor so far */
                paid_cents: number;
            }[];
            /** @description the shop's fee on each order, in basis points (1000 = 10%): its own, set by the operator, or the platform's */
            platform_fee_bps: number;
            /** @description plus this fixed fee per order, in minor units (the fee is never more than the order's total) */
            platform_fee_fixed_cents: number;
            /** @description how many days a shipped order's earnings stay pending after its delivery before they become available (--payout-hold-days) */
            payout_hold_days: number;
        };
        StatementLine: {
            transaction_id: number;
            /**
             * @description sale and refund: of an order; payout: money paid out to the vendor; payout_reversal: a failed payout giving its money back; dispute: a card dispute's amount taken back from the vendor; dispute_won: what a dispute took, given back when the bank decided for the shop
             * @enum {unknown}
             */
            kind: "sale" | "refund" | "payout" | "payout_reversal" | "dispute" | "dispute_won";
            /** @description the order of a sale, a refund or a dispute and its reversal (a dispute of a payment over several shops' orders takes from each; each vendor's line names its own order); 0 for a payout or its reversal */
            order_id: number;
            currency: string;
            /** Format: date-time */
            created_at: string;
            /** @description minor units the buyer paid (negative: given back); for a dispute, the vendor's share of it (negative: taken back) */
            gross_cents: number;
            /** @description the platform's fee (negative: given back) */
            fee_cents: number;
            /** @description what the vendor's balance moved by: gross less fee */
            net_cents: number;
            /** @description the vendor's balance in this currency after this line */
            balance_cents: number;
        };
        StatementPage: components["schemas"]["Page"] & {
            items: components["schemas"]["StatementLine"][];
        };
        PaymentConfig: {
            /** @description stripe: a Stripe-compatible gateway (PocketShop's test gateway, or Stripe). */
            provider: string;
            /** @description Where the browser POSTs the card (form-encoded card[number], card[exp_month], card[exp_year], card[cvc], with Authorization: Bearer <publishable_key>) for a single-use token. */
            tokens_url: string;
            publishable_key: string;
        };
        /** @description One refund of a captured order. */
        OrderRefund: {
            id: number;
            /** @description minor units given back to the buyer */
            amount_cents: number;
            reason: string;
            /** @description the order's lines (by product) refunded; empty for a refund of an amount */
            items: {
                product_id: number;
                quantity: number;
            }[];
            /** @description the part of the platform's fee given back with it (shown to the shop's vendor only) */
            fee_reversed_cents?: number;
            /** Format: date-time */
            created_at: string;
        };
        /** @description An event taken: recorded, its effects to be applied by a job. */
        WebhookReceipt: {
            /** @description The event's id (evt_...). */
            id: string;
            /** @description True when this event id was recorded before: this delivery changed nothing. */
            duplicate: boolean;
        };
        /** @description The shop's connected account at the payment gateway and its payout schedule. */
        PayoutAccount: {
            /** @description acct_... */
            gateway_account_id: string;
            /**
             * @description manual: on request only; daily or weekly: also paid by the scheduler, once per period (UTC day, or week from Monday)
             * @enum {string}
             */
            schedule: "manual" | "daily" | "weekly";
            /** @description no payout below this (minor units) */
            minimum_cents: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description A payout of the vendor's available balance in one currency, and the orders whose released earnings it pays. */
        Payout: {
            id: number;
            currency: string;
            amount_cents: number;
            /**
             * @description pending: taken from the balance; in_transit: sent to the gateway; paid; failed: the money is back in the available balance
             * @enum {string}
             */
            status: "pending" | "in_transit" | "paid" | "failed";
            /** @description made by the schedule rather than on request */
            scheduled: boolean;
            gateway_transfer_id: string | null;
            gateway_payout_id: string | null;
            /** @description the gateway's failure code, when failed */
            failure_code: string | null;
            /** @description the failure in the vendor's words ("the bank account has been closed"), when failed */
            failure_reason: string | null;
            order_ids: number[];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        PayoutList: {
            items: components["schemas"]["Payout"][];
        };
        /** @description What one order earned the vendor, from the ledger: its sale less the platform's fee, less its refunds (each giving back its share of the fee), less what a card dispute took back and kept. */
        OrderEarnings: {
            order_id: number;
            currency: string;
            /**
             * Format: date-time
             * @description when the sale was posted (the order's capture)
             */
            created_at: string;
            /** @description minor units the buyer paid for the order */
            gross_cents: number;
            /** @description the platform's fee on the sale */
            fee_cents: number;
            /** @description minor units refunded to the buyer so far (0 or more) */
            refunded_cents: number;
            /** @description the part of the fee given back with those refunds */
            fee_returned_cents: number;
            /** @description minor units a card dispute of the order's payment took back from the vendor and kept (0 or more): its share of the disputed amount while the dispute is open or lost, 0 again once the bank decided for the shop */
            disputed_cents: number;
            /** @description what the order earned the vendor: gross - fee - refunded + fee_returned - disputed */
            net_cents: number;
            /**
             * @description pending: on hold until available_at (or until delivery when that is null); available: in the vendor's available balance; in_payout: covered by a payout on its way; paid_out: covered by a paid payout
             * @enum {unknown}
             */
            status: "pending" | "available" | "in_payout" | "paid_out";
            /**
             * Format: date-time
             * @description when the hold ends (or ended); null until the order is delivered, and for sales from before holds
             */
            available_at: string | null;
            /** @description the payout that covers the order (not a failed one), or null */
            payout_id: number | null;
        };
        OrderEarningsPage: components["schemas"]["Page"] & {
            items: components["schemas"]["OrderEarnings"][];
        };
        Notification: {
            id: number;
            /** @enum {string} */
            kind: "new_order" | "order_shipped" | "order_delivered" | "order_cancelled" | "refund" | "review_reply" | "new_message" | "payout_paid" | "new_review" | "payout_failed" | "payment_disputed" | "dispute_won" | "dispute_lost";
            title: string;
            body: string;
            /** @description A path in the web app, e.g. /orders/12 */
            link: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            read_at: string | null;
        };
        NotificationPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Notification"][];
            /** @description Unread notifications in all */
            unread: number;
        };
        MessageSender: {
            id: number;
            display_name: string;
        };
        Message: {
            id: number;
            conversation_id: number;
            sender: components["schemas"]["MessageSender"];
            /** @enum {string} */
            from: "buyer" | "vendor";
            /** @description Sent by the user asking */
            mine: boolean;
            body: string;
            images: components["schemas"]["Image"][];
            /** Format: date-time */
            created_at: string;
        };
        Conversation: {
            id: number;
            /**
             * @description The asking user's side of the thread
             * @enum {string}
             */
            role: "buyer" | "vendor";
            shop: {
                id: number;
                name: string;
                slug: string;
                accent_color: string;
            };
            buyer: components["schemas"]["MessageSender"];
            product: null | {
                id: number;
                name: string;
            };
            order_id: number | null;
            /** @description The other party's messages after read_up_to */
            unread: number;
            /** @description The id of the last message the asking user has read (0: none) */
            read_up_to: number;
            /** @description The same for the other party */
            other_read_up_to: number;
            last_message: null | components["schemas"]["Message"];
            /** Format: date-time */
            last_message_at: string;
            /** Format: date-time */
            created_at: string;
        };
        ConversationPage: components["schemas"]["Page"] & {
            items: components["schemas"]["Conversation"][];
        };
        MessagePage: components["schemas"]["Page"] & {
            /** @description Newest first */
            items: components["schemas"]["Message"][];
        };
        Thread: components["schemas"]["Conversation"] & {
            messages: components["schemas"]["MessagePage"];
        };
        SentMessage: {
            conversation: components["schemas"]["Conversation"];
            message: components["schemas"]["Message"];
        };
        MessageInput: {
            /** @description Trimmed; not blank; no control characters other than line breaks and tabs */
            body: string;
            /** @description Images the sender uploaded (POST /api/uploads), each once */
            image_ids?: number[];
            /** @description As the Idempotency-Key header, which wins when both are sent */
            client_key?: string;
        };
        StartConversation: {
            shop_id: number;
            /** @description A listed product of that shop */
            product_id?: number;
            /** @description An order of the buyer's from that shop; not with product_id */
            order_id?: number;
            /** @description Trimmed; not blank; no control characters other than line breaks and tabs */
            body: string;
            /** @description Images the sender uploaded (POST /api/uploads), each once */
            image_ids?: number[];
            /** @description As the Idempotency-Key header, which wins when both are sent */
            client_key?: string;
        };
        UnreadMessages: {
            count: number;
        };
        PasswordResetRequest: {
            /** Format: email */
            email: string;
        };
        PasswordResetConfirm: {
            /** @description The token of the mailed link (/reset-password?token=...) */
            token: string;
            password: string;
        };
        VerifyEmailRequest: {
            /** @description The token of the mailed link (/verify-email?token=...) */
            token: string;
        };
        ChangePasswordRequest: {
            current_password: string;
            new_password: string;
        };
        ChangeEmailRequest: {
            password: string;
            /**
             * Format: email
             * @description The new address; it becomes the account's when its link is followed
             */
            email: string;
        };
        DeleteAccountRequest: {
            password: string;
        };
        Accepted: {
            detail: string;
        };
        VerifiedUser: {
            user: components["schemas"]["User"];
        };
        /** @description Everything PocketShop keeps about the user. */
        AccountExport: {
            /** Format: date-time */
            exported_at: string;
            profile: components["schemas"]["User"];
            /** @description Each distinct shipping address of the orders */
            addresses: {
                [key: string]: string;
            }[];
            orders: {
                id: number;
                shop: string;
                status: string;
                total_cents: number;
                currency: string;
                shipping_address: {
                    [key: string]: string;
                };
                carrier?: string | null;
                tracking_number?: string | null;
                items: {
                    product_id: number;
                    name: string;
                    unit_price_cents: number;
                    quantity: number;
                }[];
                /** Format: date-time */
                created_at: string;
            }[];
            reviews: {
                id: number;
                product_id: number;
                product: string;
                rating: number;
                body: string;
                reply?: string | null;
                /** Format: date-time */
                created_at: string;
            }[];
            /** @description The in-app notifications */
            notifications: {
                kind: string;
                title: string;
                body: string;
                link: string;
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                read_at: string | null;
            }[];
            /** @description The conversations the user is a party to, as buyer or as the shop's vendor, with both parties' messages */
            conversations: {
                id: number;
                shop: string;
                /** @description general, product:<id> or order:<id> */
                subject: string;
                /** @enum {string} */
                as: "buyer" | "vendor";
                messages: {
                    id: number;
                    from_me: boolean;
                    body: string;
                    image_ids: number[];
                    /** Format: date-time */
                    created_at: string;
                }[];
            }[];
            /** @description Every image the user uploaded (and not yet deleted as unused) */
            images: (components["schemas"]["Image"] & {
                /** Format: date-time */
                uploaded_at: string;
            })[];
            /** @description The vendor's shop, or null */
            shop: null | {
                slug: string;
                name: string;
                description: string;
                /** Format: date-time */
                created_at: string;
            };
            /** @description The products the person saved, newest first */
            favorites: {
                product_id: number;
                /** @description The product's name */
                product: string;
                /** Format: date-time */
                saved_at: string;
            }[];
        };
        /** @description Notification topics a user may turn off: messages (a new message in a conversation), review_invitations (an invitation to review a delivered order), order_updates (an order's progress beyond its receipt: shipped, delivered), favorites (a saved product's price fell by 5 % or more, or it is back in stock), marketing (news from the platform). Mails without a topic (verification, password reset, receipts, refunds) always go. true: mails of the topic are sent. */
        NotificationPreferences: {
            favorites: boolean;
            marketing: boolean;
            messages: boolean;
            order_updates: boolean;
            review_invitations: boolean;
        };
        /** @description The topics to change; those not named stay as they are. Notification topics a user may turn off: messages (a new message in a conversation), review_invitations (an invitation to review a delivered order), order_updates (an order's progress beyond its receipt: shipped, delivered), favorites (a saved product's price fell by 5 % or more, or it is back in stock), marketing (news from the platform). Mails without a topic (verification, password reset, receipts, refunds) always go. */
        NotificationPreferencesChange: {
            favorites?: boolean;
            marketing?: boolean;
            messages?: boolean;
            order_updates?: boolean;
            review_invitations?: boolean;
        };
        MailboxEntry: {
            id: number;
            to: string;
            subject: string;
            /** @description what the mail is: welcome, password_reset, order_placed, ... */
            kind: string;
            /** Format: date-time */
            created_at: string;
        };
        MailboxMail: components["schemas"]["MailboxEntry"] & {
            /** @description the Message-ID header, without angle brackets */
            message_id: string;
            /** @description the plain-text part */
            text: string;
            /** @description the HTML part (show it sandboxed: it is a whole document) */
            html: string;
        };
        MailboxPage: components["schemas"]["Page"] & {
            items: components["schemas"]["MailboxEntry"][];
        };
        SavedAddress: {
            /** @description The saved address, or null when none is saved */
            address: components["schemas"]["ShippingAddress"] | null;
        };
        /** @description Whether the viewer may review the product now, and if not, why */
        ReviewEligibility: {
            eligible: boolean;
            /**
             * @description null when eligible; sign_in: nobody is signed in; not_received: none of the viewer's orders holding the product has been delivered; reviewed: the viewer has reviewed it (and may edit that review). The same rules as POST /api/products/{id}/reviews.
             * @enum {string|null}
             */
            reason: "sign_in" | "not_received" | "reviewed" | null;
            /** @description the viewer's review, when reason is reviewed */
            review_id: number | null;
        };
        /** @description The latest dispute of the order's payment, for the shop's vendor (GET /api/orders/{id} and the answer to the dispute's evidence). */
        OrderDispute: {
            /**
             * @description open: the bank is deciding (under review once evidence_submitted_at is set); won: the bank decided for the shop, what was taken is given back; lost: for the buyer
             * @enum {string}
             */
            status: "open" | "won" | "lost";
            /** @description what the dispute took from this shop's earnings (minor units of the order's currency) */
            taken_back_cents: number;
            /** Format: date-time */
            opened_at: string;
            /** Format: date-time */
            closed_at: string | null;
            /**
             * Format: date-time
             * @description the gateway's deadline for the shop's evidence
             */
            evidence_due_by: string | null;
            /** Format: date-time */
            evidence_submitted_at: string | null;
        };
        UpdateMeRequest: {
            display_name: string;
        };
        /** @description What a shop charges to ship one order paid in a currency: a flat amount per order, nothing once the order's items reach free_over_cents. A currency without a rate ships free. */
        ShippingRate: {
            /** @enum {string} */
            currency: "USD" | "EUR" | "GBP" | "CAD" | "AUD" | "NZD" | "CHF" | "SEK" | "NOK" | "DKK";
            /** @description minor units, per order */
            flat_cents: number;
            /** @description minor units: orders whose items cost at least this ship free; null: never */
            free_over_cents: number | null;
        };
        Favorite: {
            product_id: number;
            /**
             * Format: date-time
             * @description When the person first saved it
             */
            saved_at: string;
        };
        FavoriteItem: components["schemas"]["Favorite"] & {
            /** @description Whether the product can still be bought: false once archived, back to draft or its shop closed */
            available: boolean;
            product: components["schemas"]["ProductSummary"];
        };
        FavoritePage: components["schemas"]["Page"] & {
            items: components["schemas"]["FavoriteItem"][];
        };
        FavoriteIds: {
            product_ids: number[];
        };
        /** @description The product page: the product, and what its shop charges to ship an order in the product's currency (flat_cents 0 and free_over_cents null when the shop sets no rate for it: it ships free). */
        ProductDetail: components["schemas"]["Product"] & {
            shipping: components["schemas"]["ShippingRate"];
        };
        FavoriteCounts: {
            items: {
                product_id: number;
                /** @description How many people keep it among their favorites */
                people: number;
            }[];
        };
    };
    responses: {
        /** @description The body is not a JSON object */
        Malformed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Fields are missing, of the wrong type or invalid; errors lists each */
        Invalid: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No, a malformed, expired or revoked token, or wrong credentials */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Signed in, but not allowed (wrong role or not yours) */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body exceeds the configured limit */
        TooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not application/json */
        WrongMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many attempts; see Retry-After */
        RateLimited: {
            headers: {
                "Retry-After"?: number;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The cookie flow without X-Requested-With, or from another site (Sec-Fetch-Site cross-site or same-site): /problems/csrf-rejected */
        CsrfRejected: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Sent by the web app (any non-empty value; it sends pocketshop-web). It marks a browser client: the refresh token then stays out of the JSON answer and travels only in the HttpOnly cookie. Required on refresh and logout without a body (the cookie flow), as CSRF protection. */
        BrowserClient: string;
        /** @description A database position from an earlier write's X-Read-After answer (the cookie pocketshop_read_after carries the same; the header wins). With a read replica configured, this read is served by the replica only once it has replayed that far, else by the primary, so a client sees its own writes. Malformed values are ignored. Without a replica it changes nothing. */
        ReadAfter: string;
    };
    requestBodies: never;
    headers: {
        /** @description pocketshop_refresh=<refresh token>; Path=/api/auth; Max-Age=<refresh token lifetime>; HttpOnly; Secure; SameSite=Strict. A refused cookie, and logout, delete it (Max-Age=0). With a read replica, a second Set-Cookie carries pocketshop_read_after (see ReadAfterCookie). */
        RefreshCookie: string;
        /** @description Sent only when the server runs with a read replica (--database-replica-url): the primary's WAL position after this request's writes. Send it back in X-Read-After on catalog reads (GET /api/products, /api/products/{id}, /api/shops, /api/shops/{slug}) to read your own writes; browsers need not, as the cookie below carries it. */
        ReadAfter: string;
        /** @description Sent with ReadAfter: pocketshop_read_after=<position>; Path=/api; Max-Age=<twice --db-replica-max-lag-ms, at least 2 s>; HttpOnly; SameSite=Lax. Catalog reads use it when no X-Read-After header is sent. */
        ReadAfterCookie: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Server and database answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The database does not answer, or the server has not migrated it yet (problem type /problems/database-unavailable, with Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    openapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
        };
    };
    register: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent by the web app (any non-empty value; it sends pocketshop-web). It marks a browser client: the refresh token then stays out of the JSON answer and travels only in the HttpOnly cookie. Required on refresh and logout without a body (the cookie flow), as CSRF protection. */
                "X-Requested-With"?: components["parameters"]["BrowserClient"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description Account created; signed in */
            201: {
                headers: {
                    "Set-Cookie": components["headers"]["RefreshCookie"];
                    "X-Read-After": components["headers"]["ReadAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["Malformed"];
            /** @description An account with this email already exists (/problems/email-taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            429: components["responses"]["RateLimited"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent by the web app (any non-empty value; it sends pocketshop-web). It marks a browser client: the refresh token then stays out of the JSON answer and travels only in the HttpOnly cookie. Required on refresh and logout without a body (the cookie flow), as CSRF protection. */
                "X-Requested-With"?: components["parameters"]["BrowserClient"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["RefreshCookie"];
                    "X-Read-After": components["headers"]["ReadAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            429: components["responses"]["RateLimited"];
        };
    };
    refresh: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent by the web app (any non-empty value; it sends pocketshop-web). It marks a browser client: the refresh token then stays out of the JSON answer and travels only in the HttpOnly cookie. Required on refresh and logout without a body (the cookie flow), as CSRF protection. */
                "X-Requested-With"?: components["parameters"]["BrowserClient"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Omitted by browser clients, which use the cookie */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description New access and refresh tokens */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["RefreshCookie"];
                    "X-Read-After": components["headers"]["ReadAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["Malformed"];
            /** @description Unknown, expired, used or missing refresh token; a refused cookie is deleted (Set-Cookie with Max-Age=0) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            403: components["responses"]["CsrfRejected"];
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent by the web app (any non-empty value; it sends pocketshop-web). It marks a browser client: the refresh token then stays out of the JSON answer and travels only in the HttpOnly cookie. Required on refresh and logout without a body (the cookie flow), as CSRF protection. */
                "X-Requested-With"?: components["parameters"]["BrowserClient"];
            };
            path?: never;
            cookie?: never;
        };
        /** @description Omitted by browser clients, which use the cookie */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    "Set-Cookie": components["headers"]["RefreshCookie"];
                    "X-Read-After": components["headers"]["ReadAfter"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Malformed"];
            403: components["responses"]["CsrfRejected"];
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    logoutOthers: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent by the web app (any non-empty value; it sends pocketshop-web). It marks a browser client: the refresh token then stays out of the JSON answer and travels only in the HttpOnly cookie. Required on refresh and logout without a body (the cookie flow), as CSRF protection. */
                "X-Requested-With"?: components["parameters"]["BrowserClient"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogoutOthersRequest"];
            };
        };
        responses: {
            /** @description The other sessions ended; this client's new session */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["RefreshCookie"];
                    "X-Read-After": components["headers"]["ReadAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description /problems/password-incorrect */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            429: components["responses"]["RateLimited"];
        };
    };
    me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    deleteAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeleteAccountRequest"];
            };
        };
        responses: {
            /** @description Deleted; the refresh cookie is cleared */
            204: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description /problems/password-incorrect */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description /problems/account-in-use */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            429: components["responses"]["RateLimited"];
        };
    };
    updateMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMeRequest"];
            };
        };
        responses: {
            /** @description The user, renamed */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    uploadImage: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description A JPEG, PNG, WebP or GIF image
                     */
                    file: string;
                };
            };
        };
        responses: {
            /** @description Stored; the image with the URLs of its variants */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Image"];
                };
            };
            /** @description The multipart/form-data body is malformed (no boundary, unterminated part headers, no closing delimiter, ...) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description The body exceeds the upload limit */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not multipart/form-data, or the file is not a JPEG, PNG, WebP or GIF image */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description errors.file says why: missing or sent twice, empty, more pixels than allowed, truncated or corrupt */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    getMediaFile: {
        parameters: {
            query?: never;
            header?: {
                "If-None-Match"?: string;
            };
            path: {
                /** @description SHA-256 of the uploaded bytes */
                key: string;
                /** @description <width>-<hash>.webp */
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image */
            200: {
                headers: {
                    ETag?: string;
                    "Cache-Control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "image/webp": string;
                };
            };
            /** @description Not modified (If-None-Match matched) */
            304: {
                headers: {
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No such file (names are checked against the exact patterns above) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listShops: {
        parameters: {
            query?: {
                /** @description name contains (case-insensitive) */
                q?: string;
                sort?: "newest" | "products" | "name";
                page?: number;
                limit?: number;
            };
            header?: {
                /** @description A database position from an earlier write's X-Read-After answer (the cookie pocketshop_read_after carries the same; the header wins). With a read replica configured, this read is served by the replica only once it has replayed that far, else by the primary, so a client sees its own writes. Malformed values are ignored. Without a replica it changes nothing. */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of shops */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopPage"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    createShop: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShopInput"];
            };
        };
        responses: {
            /** @description Created; Location names it */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shop"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description An image id does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The vendor already has a shop (/problems/shop-exists), or the slug is taken (/problems/shop-slug-taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    getShop: {
        parameters: {
            query?: never;
            header?: {
                /** @description A database position from an earlier write's X-Read-After answer (the cookie pocketshop_read_after carries the same; the header wins). With a read replica configured, this read is served by the replica only once it has replayed that far, else by the primary, so a client sees its own writes. Malformed values are ignored. Without a replica it changes nothing. */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shop */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShopWithProducts"];
                };
            };
            /** @description No such shop */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateShop: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShopInput"];
            };
        };
        responses: {
            /** @description The shop */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shop"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such shop or image */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The slug is taken (/problems/shop-slug-taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    myShop: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shop */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Shop"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop yet (/problems/shop-required) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    categories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Categories */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: string[];
                    };
                };
            };
        };
    };
    searchProducts: {
        parameters: {
            query?: {
                /** @description full-text search: words, prefix-matched and stemmed (English; "scarf" and "scarves" find the same products); when it finds nothing, the page may carry did_you_mean */
                q?: string;
                /** @description shop slug */
                shop?: string;
                category?: string;
                /** @description cents */
                min_price?: number;
                /** @description cents */
                max_price?: number;
                in_stock?: boolean;
                /** @description default: relevance with q, else newest */
                sort?: "relevance" | "newest" | "price_asc" | "price_desc";
                page?: number;
                limit?: number;
                /** @description instead of page: the `next` of the previous page (sorts newest, price_asc and price_desc). Costs the same on every page, and products added meanwhile are neither repeated nor skipped. */
                after?: string;
            };
            header?: {
                /** @description A database position from an earlier write's X-Read-After answer (the cookie pocketshop_read_after carries the same; the header wins). With a read replica configured, this read is served by the replica only once it has replayed that far, else by the primary, so a client sees its own writes. Malformed values are ignored. Without a replica it changes nothing. */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductInput"];
            };
        };
        responses: {
            /** @description Created; Location names it */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description An image id does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The vendor has no shop yet (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    getProduct: {
        parameters: {
            query?: never;
            header?: {
                /** @description A database position from an earlier write's X-Read-After answer (the cookie pocketshop_read_after carries the same; the header wins). With a read replica configured, this read is served by the replica only once it has replayed that far, else by the primary, so a client sees its own writes. Malformed values are ignored. Without a replica it changes nothing. */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductDetail"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description No such product (or a draft of someone else) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Archived */
            204: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such product */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProductInput"];
            };
        };
        responses: {
            /** @description The product */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Product"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such product or image */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    myProducts: {
        parameters: {
            query?: {
                /** @description full-text search (words, prefix-matched) */
                q?: string;
                /** @description shop slug */
                shop?: string;
                category?: string;
                /** @description cents */
                min_price?: number;
                /** @description cents */
                max_price?: number;
                in_stock?: boolean;
                /** @description default: relevance with q, else newest */
                sort?: "relevance" | "newest" | "price_asc" | "price_desc";
                page?: number;
                limit?: number;
                /** @description instead of page: the `next` of the previous page (sorts newest, price_asc and price_desc). Costs the same on every page, and products added meanwhile are neither repeated nor skipped. */
                after?: string;
                status?: "active" | "draft";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of products */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProductPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop yet (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    createGuestCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token to send as X-Cart-Token */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cart_token: string;
                    };
                };
            };
        };
    };
    getCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Unknown guest cart */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addToCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    product_id: number;
                    /** @default 1 */
                    quantity?: number;
                };
            };
        };
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description Your own shop's product (/problems/own-shop-purchase) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such product for sale */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not enough in stock (/problems/out-of-stock), more than 99 of one product (/problems/quantity-limit), or an item in another currency than the cart's (/problems/cart-currency-mismatch) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    setCartQuantity: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quantity: number;
                };
            };
        };
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description Your own shop's product (/problems/own-shop-purchase) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such product for sale */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not enough in stock (/problems/out-of-stock), or more than 99 of one product (/problems/quantity-limit) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    removeFromCart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The cart */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description Unknown cart */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    mergeCart: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cart_token: string;
                };
            };
        };
        responses: {
            /** @description The merged cart */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Cart"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    checkout: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckoutRequest"];
            };
        };
        responses: {
            /** @description Paid; the orders */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CheckoutResult"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description The card was declined; decline_code says why (generic_decline, insufficient_funds, lost_card, ...) */
            402: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Your own shop's product (/problems/own-shop-purchase) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Empty cart (/problems/cart-empty), a product no longer for sale (/problems/product-unavailable) or out of stock (/problems/out-of-stock), or the Idempotency-Key is held by a running request (/problems/idempotency-key-in-use; for at most 60 s when its server died) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            /** @description Invalid fields (/problems/validation), card details in the body (/problems/card-data-refused) or a token the gateway refuses (/problems/payment-token-invalid) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    paymentConfig: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payment configuration */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentConfig"];
                };
            };
        };
    };
    myOrders: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["Invalid"];
        };
    };
    getOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description No such order (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    cancelOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such order (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the order's current state (/problems/order-state), or the order changed meanwhile (/problems/order-changed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            /** @description The payment gateway refused; nothing was changed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    processOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such order (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the order's current state (/problems/order-state), or the order changed meanwhile (/problems/order-changed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shipOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    carrier: string;
                    tracking_number: string;
                };
            };
        };
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such order (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the order's current state (/problems/order-state), or the order changed meanwhile (/problems/order-changed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            /** @description The payment gateway refused; nothing was changed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deliverOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such order (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the order's current state (/problems/order-state), or the order changed meanwhile (/problems/order-changed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refundOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The order */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such order (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not allowed in the order's current state (/problems/order-state), or the order changed meanwhile (/problems/order-changed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            /** @description The payment gateway refused; nothing was changed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    refundOrderPart: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        /** @description the order's line, named by its product */
                        product_id: number;
                        quantity: number;
                    }[];
                    reason?: string;
                } | {
                    /** @description minor units */
                    amount_cents: number;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description The refund and the order after it */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        refund: components["schemas"]["OrderRefund"];
                        order: components["schemas"]["Order"];
                    };
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such order (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order is not shipped or delivered (/problems/order-state), the refund exceeds what is left (/problems/refund-exceeds-captured) or a product's quantity left to refund (/problems/refund-quantity-exceeded), or the order changed meanwhile (/problems/order-changed) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            /** @description Invalid fields (/problems/validation): neither or both of items and amount_cents, a product not in the order, or an Idempotency-Key used before with a different request */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The payment gateway refused; nothing was changed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    shopOrders: {
        parameters: {
            query?: {
                status?: "paid" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded";
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop yet (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    dashboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The dashboard */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Dashboard"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop yet (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listReviews: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of reviews */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description No such product (or a draft of someone else, or an archived one), answered as GET /api/products/{id} does */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    createReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rating: number;
                    body: string;
                };
            };
        };
        responses: {
            /** @description The review */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description No delivered order of this product */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such product (or one the buyer may not see: a draft, an archived one) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already reviewed (/problems/review-exists) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    deleteReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The review is gone */
            204: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description Someone else's review */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such review */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    rating?: number;
                    body?: string;
                };
            };
        };
        responses: {
            /** @description The review */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description Someone else's review */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such review */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    editReviewReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description The review */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description Not the product's vendor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such review, or it has no reply */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    replyToReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description The review */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Review"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description Not the product's vendor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such review */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already replied (/problems/review-replied) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    deleteReviewReply: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reply is gone */
            204: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not the product's vendor */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such review, or it has no reply */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    metrics: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Prometheus text format 0.0.4 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": unknown;
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    myBalance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balances */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Balances"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop yet (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    myStatement: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of statement lines */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatementPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop yet (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    myStatementCsv: {
        parameters: {
            query: {
                /** @description the first day, YYYY-MM-DD (UTC) */
                from: string;
                /** @description the last day, YYYY-MM-DD (UTC), at most 365 days after from */
                to: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statement lines in the range */
            200: {
                headers: {
                    /** @description attachment; filename="statement-<from>-to-<to>.csv" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop yet (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A day missing or not YYYY-MM-DD, the last day before the first, or more than 366 days (/problems/validation, errors by from and to) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    myOrderEarnings: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of orders' earnings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderEarningsPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop yet (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    myOrderEarning: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order's earnings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderEarnings"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description Not an order of this shop with a sale (/problems/not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No shop yet (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    paymentWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description t=<unix seconds>,v1=<hex HMAC-SHA256>[,v1=...] */
                "Stripe-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id: string;
                    type: string;
                    created: number;
                    account?: string;
                    data: {
                        object: Record<string, never>;
                    };
                };
            };
        };
        responses: {
            /** @description Taken (or taken before) */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookReceipt"];
                };
            };
            /** @description Bad signature (/problems/webhook-signature-invalid), stale or future timestamp (/problems/webhook-timestamp-out-of-tolerance) or not an event (/problems/webhook-event-malformed) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            413: components["responses"]["TooLarge"];
            /** @description No webhook secret configured (/problems/webhooks-not-configured) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    myPayoutAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account; null before the vendor connects one */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutAccount"] | null;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    connectPayoutAccount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description test mode only: the failure code of every payout, e.g. account_closed */
                    test_payout_failure?: string;
                };
            };
        };
        responses: {
            /** @description The account */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutAccount"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop yet (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Invalid"];
            /** @description The gateway refused or did not answer (/problems/payment-gateway) */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    setPayoutSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {string} */
                    schedule: "manual" | "daily" | "weekly";
                    /** @description default 0 */
                    minimum_cents?: number;
                };
            };
        };
        responses: {
            /** @description The account */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutAccount"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop (/problems/shop-required) or no payout account (/problems/payout-account-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    myPayouts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payouts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayoutList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop yet (/problems/shop-required) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestPayout: {
        parameters: {
            query?: never;
            header?: {
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    currency?: string;
                };
            };
        };
        responses: {
            /** @description The payout made earlier with this Idempotency-Key */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payout"];
                };
            };
            /** @description The payout */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Payout"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No shop (/problems/shop-required), no payout account (/problems/payout-account-required), or the available balance is 0 or below the minimum (/problems/payout-below-minimum, with available_cents and minimum_cents) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                /** @description Only the unread ones */
                unread?: boolean;
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of notifications */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["Invalid"];
        };
    };
    countUnreadNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        unread: number;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    markNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Read */
            204: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description Not one of my notifications */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    markAllNotificationsRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How many were unread */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        marked: number;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    listConversations: {
        parameters: {
            query?: {
                page?: number;
                /** @description default 20 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of conversations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConversationPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["Invalid"];
        };
    };
    startConversation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a double submit write one message: a second request with the same key (from the same sender, in the same thread) answers 200 with the first message. The body's client_key does the same. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StartConversation"];
            };
        };
        responses: {
            /** @description The message an earlier request with the same key wrote */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentMessage"];
                };
            };
            /** @description The message written, and its thread */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentMessage"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description The user's own shop, or an image of someone else's */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such shop, or no such image */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The shop has closed: its vendor deleted their account (/problems/recipient-deleted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            429: components["responses"]["RateLimited"];
        };
    };
    getConversation: {
        parameters: {
            query?: {
                page?: number;
                /** @description default 50 */
                limit?: number;
            };
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The conversation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Thread"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description No such conversation, or one the user is no party to (the same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    sendMessage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a double submit write one message: a second request with the same key (from the same sender, in the same thread) answers 200 with the first message. The body's client_key does the same. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageInput"];
            };
        };
        responses: {
            /** @description The message an earlier request with the same key wrote */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentMessage"];
                };
            };
            /** @description The message written, and its thread */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentMessage"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description An image of someone else's */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such conversation, or one the user is no party to (the same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            429: components["responses"]["RateLimited"];
        };
    };
    markConversationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description A message of this conversation */
                    message_id?: number;
                };
            };
        };
        responses: {
            /** @description The conversation */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Conversation"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description No such conversation, or one the user is no party to (the same answer) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    countUnreadMessages: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The count */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadMessages"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    requestPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description The same answer for every address */
            202: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Accepted"];
                };
            };
            400: components["responses"]["Malformed"];
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            429: components["responses"]["RateLimited"];
        };
    };
    confirmPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetConfirm"];
            };
        };
        responses: {
            /** @description The password is set; sign in with it */
            204: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Malformed, or /problems/token-invalid (unknown, expired or used link) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    verifyEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VerifyEmailRequest"];
            };
        };
        responses: {
            /** @description Confirmed */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VerifiedUser"];
                };
            };
            /** @description Malformed, or /problems/token-invalid */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The new address was taken by another account meanwhile (/problems/email-taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    resendVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new link is on its way */
            202: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            /** @description /problems/email-already-verified */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description Sent by the web app (any non-empty value; it sends pocketshop-web). It marks a browser client: the refresh token then stays out of the JSON answer and travels only in the HttpOnly cookie. Required on refresh and logout without a body (the cookie flow), as CSRF protection. */
                "X-Requested-With"?: components["parameters"]["BrowserClient"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordRequest"];
            };
        };
        responses: {
            /** @description Changed; this client's new session */
            200: {
                headers: {
                    "Set-Cookie": components["headers"]["RefreshCookie"];
                    "X-Read-After": components["headers"]["ReadAfter"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description /problems/password-incorrect */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            429: components["responses"]["RateLimited"];
        };
    };
    changeEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangeEmailRequest"];
            };
        };
        responses: {
            /** @description The link is on its way to the new address */
            202: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description /problems/password-incorrect */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another account uses the address (/problems/email-taken) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            429: components["responses"]["RateLimited"];
        };
    };
    exportMyData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The data */
            200: {
                headers: {
                    /** @description attachment; filename="pocketshop-data.json" */
                    "Content-Disposition"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccountExport"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    unsubscribe: {
        parameters: {
            query: {
                token: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/x-www-form-urlencoded": {
                    /** @constant */
                    "List-Unsubscribe"?: "One-Click";
                };
            };
        };
        responses: {
            /** @description The topic is off */
            204: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The token is not valid (/problems/unsubscribe-token-invalid) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    notificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Each topic, on or off */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    setNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPreferencesChange"];
            };
        };
        responses: {
            /** @description Every topic, after the change */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    devMailbox: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of mails */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailboxPage"];
                };
            };
            /** @description SMTP is configured (/problems/not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            422: components["responses"]["Invalid"];
        };
    };
    devMailboxMail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The mail */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MailboxMail"];
                };
            };
            /** @description No such mail, or SMTP is configured (/problems/not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    devMailboxRaw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The RFC 5322 message, as delivered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "message/rfc822": string;
                };
            };
            /** @description No such mail, or SMTP is configured (/problems/not-found) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    savedAddress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The saved address, or null */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedAddress"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    saveAddress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShippingAddress"];
            };
        };
        responses: {
            /** @description The address as saved (country upper-cased) */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedAddress"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
        };
    };
    forgetAddress: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No address is saved now */
            204: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    getReviewEligibility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The viewer's eligibility; a guest is told sign_in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewEligibility"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description No such product (or a draft of someone else, or an archived one), answered as GET /api/products/{id} does */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    writeAboutOrder: {
        parameters: {
            query?: never;
            header?: {
                /** @description Makes a double submit write one message: a second request with the same key (from the same sender, in the same thread) answers 200 with the first message. The body's client_key does the same. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description The order */
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MessageInput"];
            };
        };
        responses: {
            /** @description The message an earlier request with the same key wrote */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentMessage"];
                };
            };
            /** @description The message written, and its thread */
            201: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SentMessage"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description An image of someone else's */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order, or not one of the sender's (as buyer or as the shop's vendor); or an image that does not exist */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The other party has deleted their account: the order's buyer, or the shop's vendor (/problems/recipient-deleted) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            422: components["responses"]["Invalid"];
            429: components["responses"]["RateLimited"];
        };
    };
    answerOrderDispute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What happened, for the bank: delivery, tracking, what the buyer said */
                    explanation: string;
                };
            };
        };
        responses: {
            /** @description The order, with its dispute's evidence_submitted_at set */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Order"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            /** @description No such order (or not yours) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order's payment has no open dispute: none, or decided already here or at the gateway (/problems/dispute-not-open); or its evidence was sent already (/problems/dispute-evidence-sent, with evidence_submitted_at) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            415: components["responses"]["WrongMediaType"];
            /** @description Invalid fields (/problems/validation): explanation missing, under 10 or over 5000 characters */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The payment gateway could not be reached; nothing was changed */
            502: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFavorites: {
        parameters: {
            query?: {
                page?: number;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of favorites */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FavoritePage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["Invalid"];
        };
    };
    favoriteIds: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Product ids */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FavoriteIds"];
                };
            };
            401: components["responses"]["Unauthorized"];
        };
    };
    saveFavorite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Saved (now or before) */
            200: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Favorite"];
                };
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
            /** @description No such product, or not one the person may see (a draft of another shop, an archived one) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The person keeps the most favorites there can be (/problems/favorites-full) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeFavorite: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                product_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Not among the favorites now */
            204: {
                headers: {
                    "X-Read-After": components["headers"]["ReadAfter"];
                    "Set-Cookie": components["headers"]["ReadAfterCookie"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["Malformed"];
            401: components["responses"]["Unauthorized"];
        };
    };
    favoriteCounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Counts */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FavoriteCounts"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
        };
    };
}
