import type * as $protobuf from "protobufjs";
import Long = require("long");

export namespace parley {

    namespace v1 {

        interface IGatewayNote extends parley.v1.GatewayNote.$Properties {
        }

        class GatewayNote {
            constructor(properties?: parley.v1.GatewayNote.$Properties);
            $unknowns?: Uint8Array[];
            version: number;
            gatewayId: string;
            nudge?: (parley.v1.QueueNudge.$Properties|null);
            kick?: (parley.v1.DeviceKick.$Properties|null);
            presenceOnline?: (parley.v1.PresenceOnline.$Properties|null);
            presenceOffline?: (parley.v1.PresenceOffline.$Properties|null);
            presenceHeartbeat?: (parley.v1.PresenceHeartbeat.$Properties|null);
            presenceHello?: (parley.v1.PresenceHello.$Properties|null);
            typing?: (parley.v1.TypingRelay.$Properties|null);
            note?: ("nudge"|"kick"|"presenceOnline"|"presenceOffline"|"presenceHeartbeat"|"presenceHello"|"typing");
            static create(properties: parley.v1.GatewayNote.$Shape): parley.v1.GatewayNote & parley.v1.GatewayNote.$Shape;
            static create(properties?: parley.v1.GatewayNote.$Properties): parley.v1.GatewayNote;
            static encode(message: parley.v1.GatewayNote.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GatewayNote & parley.v1.GatewayNote.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GatewayNote;
            static toObject(message: parley.v1.GatewayNote, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GatewayNote {
            interface $Properties {
                version?: (number|null);
                gatewayId?: (string|null);
                nudge?: (parley.v1.QueueNudge.$Properties|null);
                kick?: (parley.v1.DeviceKick.$Properties|null);
                presenceOnline?: (parley.v1.PresenceOnline.$Properties|null);
                presenceOffline?: (parley.v1.PresenceOffline.$Properties|null);
                presenceHeartbeat?: (parley.v1.PresenceHeartbeat.$Properties|null);
                presenceHello?: (parley.v1.PresenceHello.$Properties|null);
                typing?: (parley.v1.TypingRelay.$Properties|null);
                note?: ("nudge"|"kick"|"presenceOnline"|"presenceOffline"|"presenceHeartbeat"|"presenceHello"|"typing");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              version?: number|null;
              gatewayId?: string|null;
              nudge?: parley.v1.QueueNudge.$Shape|null;
              kick?: parley.v1.DeviceKick.$Shape|null;
              presenceOnline?: parley.v1.PresenceOnline.$Shape|null;
              presenceOffline?: parley.v1.PresenceOffline.$Shape|null;
              presenceHeartbeat?: parley.v1.PresenceHeartbeat.$Shape|null;
              presenceHello?: parley.v1.PresenceHello.$Shape|null;
              typing?: parley.v1.TypingRelay.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ note?: undefined; nudge?: null; kick?: null; presenceOnline?: null; presenceOffline?: null; presenceHeartbeat?: null; presenceHello?: null; typing?: null }|{ note?: "nudge"; nudge: parley.v1.QueueNudge.$Shape; kick?: null; presenceOnline?: null; presenceOffline?: null; presenceHeartbeat?: null; presenceHello?: null; typing?: null }|{ note?: "kick"; nudge?: null; kick: parley.v1.DeviceKick.$Shape; presenceOnline?: null; presenceOffline?: null; presenceHeartbeat?: null; presenceHello?: null; typing?: null }|{ note?: "presenceOnline"; nudge?: null; kick?: null; presenceOnline: parley.v1.PresenceOnline.$Shape; presenceOffline?: null; presenceHeartbeat?: null; presenceHello?: null; typing?: null }|{ note?: "presenceOffline"; nudge?: null; kick?: null; presenceOnline?: null; presenceOffline: parley.v1.PresenceOffline.$Shape; presenceHeartbeat?: null; presenceHello?: null; typing?: null }|{ note?: "presenceHeartbeat"; nudge?: null; kick?: null; presenceOnline?: null; presenceOffline?: null; presenceHeartbeat: parley.v1.PresenceHeartbeat.$Shape; presenceHello?: null; typing?: null }|{ note?: "presenceHello"; nudge?: null; kick?: null; presenceOnline?: null; presenceOffline?: null; presenceHeartbeat?: null; presenceHello: parley.v1.PresenceHello.$Shape; typing?: null }|{ note?: "typing"; nudge?: null; kick?: null; presenceOnline?: null; presenceOffline?: null; presenceHeartbeat?: null; presenceHello?: null; typing: parley.v1.TypingRelay.$Shape })
            );
        }

        interface IQueueNudge extends parley.v1.QueueNudge.$Properties {
        }

        class QueueNudge {
            constructor(properties?: parley.v1.QueueNudge.$Properties);
            $unknowns?: Uint8Array[];
            device?: (parley.v1.Address.$Properties|null);
            entries: parley.v1.QueuedEntry.$Properties[];
            static create(properties: parley.v1.QueueNudge.$Shape): parley.v1.QueueNudge & parley.v1.QueueNudge.$Shape;
            static create(properties?: parley.v1.QueueNudge.$Properties): parley.v1.QueueNudge;
            static encode(message: parley.v1.QueueNudge.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.QueueNudge & parley.v1.QueueNudge.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.QueueNudge;
            static toObject(message: parley.v1.QueueNudge, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace QueueNudge {
            interface $Properties {
                device?: (parley.v1.Address.$Properties|null);
                entries?: (parley.v1.QueuedEntry.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.QueueNudge.$Properties;
        }

        interface IQueuedEntry extends parley.v1.QueuedEntry.$Properties {
        }

        class QueuedEntry {
            constructor(properties?: parley.v1.QueuedEntry.$Properties);
            $unknowns?: Uint8Array[];
            id: string;
            seq: number;
            data: Uint8Array;
            storedAt: number;
            shared?: (Uint8Array|null);
            static create(properties: parley.v1.QueuedEntry.$Shape): parley.v1.QueuedEntry & parley.v1.QueuedEntry.$Shape;
            static create(properties?: parley.v1.QueuedEntry.$Properties): parley.v1.QueuedEntry;
            static encode(message: parley.v1.QueuedEntry.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.QueuedEntry & parley.v1.QueuedEntry.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.QueuedEntry;
            static toObject(message: parley.v1.QueuedEntry, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace QueuedEntry {
            interface $Properties {
                id?: (string|null);
                seq?: (number|null);
                data?: (Uint8Array|null);
                storedAt?: (number|null);
                shared?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.QueuedEntry.$Properties;
        }

        interface IDeviceKick extends parley.v1.DeviceKick.$Properties {
        }

        class DeviceKick {
            constructor(properties?: parley.v1.DeviceKick.$Properties);
            $unknowns?: Uint8Array[];
            device?: (parley.v1.Address.$Properties|null);
            connectionId: string;
            static create(properties: parley.v1.DeviceKick.$Shape): parley.v1.DeviceKick & parley.v1.DeviceKick.$Shape;
            static create(properties?: parley.v1.DeviceKick.$Properties): parley.v1.DeviceKick;
            static encode(message: parley.v1.DeviceKick.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DeviceKick & parley.v1.DeviceKick.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DeviceKick;
            static toObject(message: parley.v1.DeviceKick, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceKick {
            interface $Properties {
                device?: (parley.v1.Address.$Properties|null);
                connectionId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DeviceKick.$Properties;
        }

        interface IPresenceOnline extends parley.v1.PresenceOnline.$Properties {
        }

        class PresenceOnline {
            constructor(properties?: parley.v1.PresenceOnline.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            static create(properties: parley.v1.PresenceOnline.$Shape): parley.v1.PresenceOnline & parley.v1.PresenceOnline.$Shape;
            static create(properties?: parley.v1.PresenceOnline.$Properties): parley.v1.PresenceOnline;
            static encode(message: parley.v1.PresenceOnline.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PresenceOnline & parley.v1.PresenceOnline.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PresenceOnline;
            static toObject(message: parley.v1.PresenceOnline, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PresenceOnline {
            interface $Properties {
                userId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PresenceOnline.$Properties;
        }

        interface IPresenceOffline extends parley.v1.PresenceOffline.$Properties {
        }

        class PresenceOffline {
            constructor(properties?: parley.v1.PresenceOffline.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            lastSeen?: (number|null);
            static create(properties: parley.v1.PresenceOffline.$Shape): parley.v1.PresenceOffline & parley.v1.PresenceOffline.$Shape;
            static create(properties?: parley.v1.PresenceOffline.$Properties): parley.v1.PresenceOffline;
            static encode(message: parley.v1.PresenceOffline.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PresenceOffline & parley.v1.PresenceOffline.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PresenceOffline;
            static toObject(message: parley.v1.PresenceOffline, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PresenceOffline {
            interface $Properties {
                userId?: (string|null);
                lastSeen?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PresenceOffline.$Properties;
        }

        interface IPresenceHeartbeat extends parley.v1.PresenceHeartbeat.$Properties {
        }

        class PresenceHeartbeat {
            constructor(properties?: parley.v1.PresenceHeartbeat.$Properties);
            $unknowns?: Uint8Array[];
            userIds: string[];
            static create(properties: parley.v1.PresenceHeartbeat.$Shape): parley.v1.PresenceHeartbeat & parley.v1.PresenceHeartbeat.$Shape;
            static create(properties?: parley.v1.PresenceHeartbeat.$Properties): parley.v1.PresenceHeartbeat;
            static encode(message: parley.v1.PresenceHeartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PresenceHeartbeat & parley.v1.PresenceHeartbeat.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PresenceHeartbeat;
            static toObject(message: parley.v1.PresenceHeartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PresenceHeartbeat {
            interface $Properties {
                userIds?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PresenceHeartbeat.$Properties;
        }

        interface IPresenceHello extends parley.v1.PresenceHello.$Properties {
        }

        class PresenceHello {
            constructor(properties?: parley.v1.PresenceHello.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: parley.v1.PresenceHello.$Shape): parley.v1.PresenceHello & parley.v1.PresenceHello.$Shape;
            static create(properties?: parley.v1.PresenceHello.$Properties): parley.v1.PresenceHello;
            static encode(message: parley.v1.PresenceHello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PresenceHello & parley.v1.PresenceHello.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PresenceHello;
            static toObject(message: parley.v1.PresenceHello, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PresenceHello {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PresenceHello.$Properties;
        }

        interface ITypingRelay extends parley.v1.TypingRelay.$Properties {
        }

        class TypingRelay {
            constructor(properties?: parley.v1.TypingRelay.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            peerUserId: string;
            typing: boolean;
            static create(properties: parley.v1.TypingRelay.$Shape): parley.v1.TypingRelay & parley.v1.TypingRelay.$Shape;
            static create(properties?: parley.v1.TypingRelay.$Properties): parley.v1.TypingRelay;
            static encode(message: parley.v1.TypingRelay.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.TypingRelay & parley.v1.TypingRelay.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.TypingRelay;
            static toObject(message: parley.v1.TypingRelay, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace TypingRelay {
            interface $Properties {
                userId?: (string|null);
                peerUserId?: (string|null);
                typing?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.TypingRelay.$Properties;
        }

        interface IAddress extends parley.v1.Address.$Properties {
        }

        class Address {
            constructor(properties?: parley.v1.Address.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            deviceId: number;
            static create(properties: parley.v1.Address.$Shape): parley.v1.Address & parley.v1.Address.$Shape;
            static create(properties?: parley.v1.Address.$Properties): parley.v1.Address;
            static encode(message: parley.v1.Address.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Address & parley.v1.Address.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Address;
            static toObject(message: parley.v1.Address, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Address {
            interface $Properties {
                userId?: (string|null);
                deviceId?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Address.$Properties;
        }

        interface IHello extends parley.v1.Hello.$Properties {
        }

        class Hello {
            constructor(properties?: parley.v1.Hello.$Properties);
            $unknowns?: Uint8Array[];
            protocolVersion: number;
            userId: string;
            deviceId: number;
            authKey: Uint8Array;
            token: string;
            clientInfo: string;
            link?: (parley.v1.DeviceLink.$Properties|null);
            static create(properties: parley.v1.Hello.$Shape): parley.v1.Hello & parley.v1.Hello.$Shape;
            static create(properties?: parley.v1.Hello.$Properties): parley.v1.Hello;
            static encode(message: parley.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Hello & parley.v1.Hello.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Hello;
            static toObject(message: parley.v1.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Hello {
            interface $Properties {
                protocolVersion?: (number|null);
                userId?: (string|null);
                deviceId?: (number|null);
                authKey?: (Uint8Array|null);
                token?: (string|null);
                clientInfo?: (string|null);
                link?: (parley.v1.DeviceLink.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Hello.$Properties;
        }

        interface IChallenge extends parley.v1.Challenge.$Properties {
        }

        class Challenge {
            constructor(properties?: parley.v1.Challenge.$Properties);
            $unknowns?: Uint8Array[];
            nonce: Uint8Array;
            serverTime: number;
            static create(properties: parley.v1.Challenge.$Shape): parley.v1.Challenge & parley.v1.Challenge.$Shape;
            static create(properties?: parley.v1.Challenge.$Properties): parley.v1.Challenge;
            static encode(message: parley.v1.Challenge.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Challenge & parley.v1.Challenge.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Challenge;
            static toObject(message: parley.v1.Challenge, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Challenge {
            interface $Properties {
                nonce?: (Uint8Array|null);
                serverTime?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Challenge.$Properties;
        }

        interface IAuth extends parley.v1.Auth.$Properties {
        }

        class Auth {
            constructor(properties?: parley.v1.Auth.$Properties);
            $unknowns?: Uint8Array[];
            signature: Uint8Array;
            origin: string;
            static create(properties: parley.v1.Auth.$Shape): parley.v1.Auth & parley.v1.Auth.$Shape;
            static create(properties?: parley.v1.Auth.$Properties): parley.v1.Auth;
            static encode(message: parley.v1.Auth.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Auth & parley.v1.Auth.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Auth;
            static toObject(message: parley.v1.Auth, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Auth {
            interface $Properties {
                signature?: (Uint8Array|null);
                origin?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Auth.$Properties;
        }

        interface IWelcome extends parley.v1.Welcome.$Properties {
        }

        class Welcome {
            constructor(properties?: parley.v1.Welcome.$Properties);
            $unknowns?: Uint8Array[];
            serverTime: number;
            registered: boolean;
            heartbeatIntervalMs: number;
            idleTimeoutMs: number;
            maxFrameBytes: number;
            pending: number;
            deliveryWindow: number;
            static create(properties: parley.v1.Welcome.$Shape): parley.v1.Welcome & parley.v1.Welcome.$Shape;
            static create(properties?: parley.v1.Welcome.$Properties): parley.v1.Welcome;
            static encode(message: parley.v1.Welcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Welcome & parley.v1.Welcome.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Welcome;
            static toObject(message: parley.v1.Welcome, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Welcome {
            interface $Properties {
                serverTime?: (number|null);
                registered?: (boolean|null);
                heartbeatIntervalMs?: (number|null);
                idleTimeoutMs?: (number|null);
                maxFrameBytes?: (number|null);
                pending?: (number|null);
                deliveryWindow?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Welcome.$Properties;
        }

        interface IPing extends parley.v1.Ping.$Properties {
        }

        class Ping {
            constructor(properties?: parley.v1.Ping.$Properties);
            $unknowns?: Uint8Array[];
            nonce: number;
            static create(properties: parley.v1.Ping.$Shape): parley.v1.Ping & parley.v1.Ping.$Shape;
            static create(properties?: parley.v1.Ping.$Properties): parley.v1.Ping;
            static encode(message: parley.v1.Ping.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Ping & parley.v1.Ping.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Ping;
            static toObject(message: parley.v1.Ping, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ping {
            interface $Properties {
                nonce?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Ping.$Properties;
        }

        interface IPong extends parley.v1.Pong.$Properties {
        }

        class Pong {
            constructor(properties?: parley.v1.Pong.$Properties);
            $unknowns?: Uint8Array[];
            nonce: number;
            static create(properties: parley.v1.Pong.$Shape): parley.v1.Pong & parley.v1.Pong.$Shape;
            static create(properties?: parley.v1.Pong.$Properties): parley.v1.Pong;
            static encode(message: parley.v1.Pong.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Pong & parley.v1.Pong.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Pong;
            static toObject(message: parley.v1.Pong, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Pong {
            interface $Properties {
                nonce?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Pong.$Properties;
        }

        enum CloseReason {
            CLOSE_REASON_UNSPECIFIED = 0,
            CLOSE_REASON_NORMAL = 1,
            CLOSE_REASON_PROTOCOL_ERROR = 2,
            CLOSE_REASON_AUTH_FAILED = 3,
            CLOSE_REASON_AUTH_TIMEOUT = 4,
            CLOSE_REASON_IDLE_TIMEOUT = 5,
            CLOSE_REASON_BACKPRESSURE = 6,
            CLOSE_REASON_FRAME_TOO_LARGE = 7,
            CLOSE_REASON_REPLACED = 8,
            CLOSE_REASON_SERVER_SHUTDOWN = 9,
            CLOSE_REASON_DEVICE_REVOKED = 10,
            CLOSE_REASON_RATE_LIMITED = 11,
            CLOSE_REASON_UNSUPPORTED_VERSION = 12,
            CLOSE_REASON_UNAVAILABLE = 13
        }

        interface IGoodbye extends parley.v1.Goodbye.$Properties {
        }

        class Goodbye {
            constructor(properties?: parley.v1.Goodbye.$Properties);
            $unknowns?: Uint8Array[];
            reason: parley.v1.CloseReason;
            message: string;
            reconnectAfterMs: number;
            static create(properties: parley.v1.Goodbye.$Shape): parley.v1.Goodbye & parley.v1.Goodbye.$Shape;
            static create(properties?: parley.v1.Goodbye.$Properties): parley.v1.Goodbye;
            static encode(message: parley.v1.Goodbye.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Goodbye & parley.v1.Goodbye.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Goodbye;
            static toObject(message: parley.v1.Goodbye, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Goodbye {
            interface $Properties {
                reason?: (parley.v1.CloseReason|null);
                message?: (string|null);
                reconnectAfterMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Goodbye.$Properties;
        }

        interface IDeviceLink extends parley.v1.DeviceLink.$Properties {
        }

        class DeviceLink {
            constructor(properties?: parley.v1.DeviceLink.$Properties);
            $unknowns?: Uint8Array[];
            approverDeviceId: number;
            newDeviceId: number;
            newAuthKey: Uint8Array;
            expiresAt: number;
            signature: Uint8Array;
            static create(properties: parley.v1.DeviceLink.$Shape): parley.v1.DeviceLink & parley.v1.DeviceLink.$Shape;
            static create(properties?: parley.v1.DeviceLink.$Properties): parley.v1.DeviceLink;
            static encode(message: parley.v1.DeviceLink.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DeviceLink & parley.v1.DeviceLink.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DeviceLink;
            static toObject(message: parley.v1.DeviceLink, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceLink {
            interface $Properties {
                approverDeviceId?: (number|null);
                newDeviceId?: (number|null);
                newAuthKey?: (Uint8Array|null);
                expiresAt?: (number|null);
                signature?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DeviceLink.$Properties;
        }

        interface IContent extends parley.v1.Content.$Properties {
        }

        class Content {
            constructor(properties?: parley.v1.Content.$Properties);
            $unknowns?: Uint8Array[];
            text?: (parley.v1.Text.$Properties|null);
            media?: (parley.v1.Media.$Properties|null);
            senderKeyDistribution?: (parley.v1.SenderKeyDistribution.$Properties|null);
            reaction?: (parley.v1.Reaction.$Properties|null);
            edit?: (parley.v1.Edit.$Properties|null);
            delete?: (parley.v1.Delete.$Properties|null);
            chatSetting?: (parley.v1.ChatSetting.$Properties|null);
            groupInvite?: (parley.v1.GroupInvite.$Properties|null);
            groupInviteAccept?: (parley.v1.GroupInviteAccept.$Properties|null);
            sentAt: number;
            toUserId: string;
            replyTo: string;
            groupId: string;
            padding: Uint8Array;
            seq: number;
            mentions: string[];
            forwarded: boolean;
            quote?: (parley.v1.Quote.$Properties|null);
            expiresInS: number;
            body?: ("text"|"media"|"senderKeyDistribution"|"reaction"|"edit"|"delete"|"chatSetting"|"groupInvite"|"groupInviteAccept");
            static create(properties: parley.v1.Content.$Shape): parley.v1.Content & parley.v1.Content.$Shape;
            static create(properties?: parley.v1.Content.$Properties): parley.v1.Content;
            static encode(message: parley.v1.Content.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Content & parley.v1.Content.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Content;
            static toObject(message: parley.v1.Content, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Content {
            interface $Properties {
                text?: (parley.v1.Text.$Properties|null);
                media?: (parley.v1.Media.$Properties|null);
                senderKeyDistribution?: (parley.v1.SenderKeyDistribution.$Properties|null);
                reaction?: (parley.v1.Reaction.$Properties|null);
                edit?: (parley.v1.Edit.$Properties|null);
                "delete"?: (parley.v1.Delete.$Properties|null);
                chatSetting?: (parley.v1.ChatSetting.$Properties|null);
                groupInvite?: (parley.v1.GroupInvite.$Properties|null);
                groupInviteAccept?: (parley.v1.GroupInviteAccept.$Properties|null);
                sentAt?: (number|null);
                toUserId?: (string|null);
                replyTo?: (string|null);
                groupId?: (string|null);
                padding?: (Uint8Array|null);
                seq?: (number|null);
                mentions?: (string[]|null);
                forwarded?: (boolean|null);
                quote?: (parley.v1.Quote.$Properties|null);
                expiresInS?: (number|null);
                body?: ("text"|"media"|"senderKeyDistribution"|"reaction"|"edit"|"delete"|"chatSetting"|"groupInvite"|"groupInviteAccept");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              text?: parley.v1.Text.$Shape|null;
              media?: parley.v1.Media.$Shape|null;
              senderKeyDistribution?: parley.v1.SenderKeyDistribution.$Shape|null;
              reaction?: parley.v1.Reaction.$Shape|null;
              edit?: parley.v1.Edit.$Shape|null;
              "delete"?: parley.v1.Delete.$Shape|null;
              chatSetting?: parley.v1.ChatSetting.$Shape|null;
              groupInvite?: parley.v1.GroupInvite.$Shape|null;
              groupInviteAccept?: parley.v1.GroupInviteAccept.$Shape|null;
              sentAt?: number|null;
              toUserId?: string|null;
              replyTo?: string|null;
              groupId?: string|null;
              padding?: Uint8Array|null;
              seq?: number|null;
              mentions?: string[]|null;
              forwarded?: boolean|null;
              quote?: parley.v1.Quote.$Shape|null;
              expiresInS?: number|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; text?: null; media?: null; senderKeyDistribution?: null; reaction?: null; edit?: null; "delete"?: null; chatSetting?: null; groupInvite?: null; groupInviteAccept?: null }|{ body?: "text"; text: parley.v1.Text.$Shape; media?: null; senderKeyDistribution?: null; reaction?: null; edit?: null; "delete"?: null; chatSetting?: null; groupInvite?: null; groupInviteAccept?: null }|{ body?: "media"; text?: null; media: parley.v1.Media.$Shape; senderKeyDistribution?: null; reaction?: null; edit?: null; "delete"?: null; chatSetting?: null; groupInvite?: null; groupInviteAccept?: null }|{ body?: "senderKeyDistribution"; text?: null; media?: null; senderKeyDistribution: parley.v1.SenderKeyDistribution.$Shape; reaction?: null; edit?: null; "delete"?: null; chatSetting?: null; groupInvite?: null; groupInviteAccept?: null }|{ body?: "reaction"; text?: null; media?: null; senderKeyDistribution?: null; reaction: parley.v1.Reaction.$Shape; edit?: null; "delete"?: null; chatSetting?: null; groupInvite?: null; groupInviteAccept?: null }|{ body?: "edit"; text?: null; media?: null; senderKeyDistribution?: null; reaction?: null; edit: parley.v1.Edit.$Shape; "delete"?: null; chatSetting?: null; groupInvite?: null; groupInviteAccept?: null }|{ body?: "delete"; text?: null; media?: null; senderKeyDistribution?: null; reaction?: null; edit?: null; "delete": parley.v1.Delete.$Shape; chatSetting?: null; groupInvite?: null; groupInviteAccept?: null }|{ body?: "chatSetting"; text?: null; media?: null; senderKeyDistribution?: null; reaction?: null; edit?: null; "delete"?: null; chatSetting: parley.v1.ChatSetting.$Shape; groupInvite?: null; groupInviteAccept?: null }|{ body?: "groupInvite"; text?: null; media?: null; senderKeyDistribution?: null; reaction?: null; edit?: null; "delete"?: null; chatSetting?: null; groupInvite: parley.v1.GroupInvite.$Shape; groupInviteAccept?: null }|{ body?: "groupInviteAccept"; text?: null; media?: null; senderKeyDistribution?: null; reaction?: null; edit?: null; "delete"?: null; chatSetting?: null; groupInvite?: null; groupInviteAccept: parley.v1.GroupInviteAccept.$Shape })
            );
        }

        interface IGroupInvite extends parley.v1.GroupInvite.$Properties {
        }

        class GroupInvite {
            constructor(properties?: parley.v1.GroupInvite.$Properties);
            $unknowns?: Uint8Array[];
            groupId: string;
            groupName: string;
            inviteId: string;
            expiresAt: number;
            static create(properties: parley.v1.GroupInvite.$Shape): parley.v1.GroupInvite & parley.v1.GroupInvite.$Shape;
            static create(properties?: parley.v1.GroupInvite.$Properties): parley.v1.GroupInvite;
            static encode(message: parley.v1.GroupInvite.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupInvite & parley.v1.GroupInvite.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupInvite;
            static toObject(message: parley.v1.GroupInvite, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupInvite {
            interface $Properties {
                groupId?: (string|null);
                groupName?: (string|null);
                inviteId?: (string|null);
                expiresAt?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupInvite.$Properties;
        }

        interface IGroupInviteAccept extends parley.v1.GroupInviteAccept.$Properties {
        }

        class GroupInviteAccept {
            constructor(properties?: parley.v1.GroupInviteAccept.$Properties);
            $unknowns?: Uint8Array[];
            inviteId: string;
            consent?: (parley.v1.GroupJoinConsent.$Properties|null);
            static create(properties: parley.v1.GroupInviteAccept.$Shape): parley.v1.GroupInviteAccept & parley.v1.GroupInviteAccept.$Shape;
            static create(properties?: parley.v1.GroupInviteAccept.$Properties): parley.v1.GroupInviteAccept;
            static encode(message: parley.v1.GroupInviteAccept.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupInviteAccept & parley.v1.GroupInviteAccept.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupInviteAccept;
            static toObject(message: parley.v1.GroupInviteAccept, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupInviteAccept {
            interface $Properties {
                inviteId?: (string|null);
                consent?: (parley.v1.GroupJoinConsent.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupInviteAccept.$Properties;
        }

        interface IQuote extends parley.v1.Quote.$Properties {
        }

        class Quote {
            constructor(properties?: parley.v1.Quote.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            text: string;
            static create(properties: parley.v1.Quote.$Shape): parley.v1.Quote & parley.v1.Quote.$Shape;
            static create(properties?: parley.v1.Quote.$Properties): parley.v1.Quote;
            static encode(message: parley.v1.Quote.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Quote & parley.v1.Quote.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Quote;
            static toObject(message: parley.v1.Quote, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Quote {
            interface $Properties {
                userId?: (string|null);
                text?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Quote.$Properties;
        }

        interface IEdit extends parley.v1.Edit.$Properties {
        }

        class Edit {
            constructor(properties?: parley.v1.Edit.$Properties);
            $unknowns?: Uint8Array[];
            messageId: string;
            text: string;
            static create(properties: parley.v1.Edit.$Shape): parley.v1.Edit & parley.v1.Edit.$Shape;
            static create(properties?: parley.v1.Edit.$Properties): parley.v1.Edit;
            static encode(message: parley.v1.Edit.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Edit & parley.v1.Edit.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Edit;
            static toObject(message: parley.v1.Edit, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Edit {
            interface $Properties {
                messageId?: (string|null);
                text?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Edit.$Properties;
        }

        interface IDelete extends parley.v1.Delete.$Properties {
        }

        class Delete {
            constructor(properties?: parley.v1.Delete.$Properties);
            $unknowns?: Uint8Array[];
            messageId: string;
            static create(properties: parley.v1.Delete.$Shape): parley.v1.Delete & parley.v1.Delete.$Shape;
            static create(properties?: parley.v1.Delete.$Properties): parley.v1.Delete;
            static encode(message: parley.v1.Delete.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Delete & parley.v1.Delete.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Delete;
            static toObject(message: parley.v1.Delete, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Delete {
            interface $Properties {
                messageId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Delete.$Properties;
        }

        interface IChatSetting extends parley.v1.ChatSetting.$Properties {
        }

        class ChatSetting {
            constructor(properties?: parley.v1.ChatSetting.$Properties);
            $unknowns?: Uint8Array[];
            version: number;
            disappearingS: number;
            static create(properties: parley.v1.ChatSetting.$Shape): parley.v1.ChatSetting & parley.v1.ChatSetting.$Shape;
            static create(properties?: parley.v1.ChatSetting.$Properties): parley.v1.ChatSetting;
            static encode(message: parley.v1.ChatSetting.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.ChatSetting & parley.v1.ChatSetting.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.ChatSetting;
            static toObject(message: parley.v1.ChatSetting, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ChatSetting {
            interface $Properties {
                version?: (number|null);
                disappearingS?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.ChatSetting.$Properties;
        }

        interface IText extends parley.v1.Text.$Properties {
        }

        class Text {
            constructor(properties?: parley.v1.Text.$Properties);
            $unknowns?: Uint8Array[];
            text: string;
            static create(properties: parley.v1.Text.$Shape): parley.v1.Text & parley.v1.Text.$Shape;
            static create(properties?: parley.v1.Text.$Properties): parley.v1.Text;
            static encode(message: parley.v1.Text.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Text & parley.v1.Text.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Text;
            static toObject(message: parley.v1.Text, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Text {
            interface $Properties {
                text?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Text.$Properties;
        }

        enum MediaKind {
            MEDIA_KIND_UNSPECIFIED = 0,
            MEDIA_KIND_IMAGE = 1,
            MEDIA_KIND_VIDEO = 2,
            MEDIA_KIND_VOICE = 3,
            MEDIA_KIND_DOCUMENT = 4
        }

        interface IMedia extends parley.v1.Media.$Properties {
        }

        class Media {
            constructor(properties?: parley.v1.Media.$Properties);
            $unknowns?: Uint8Array[];
            kind: parley.v1.MediaKind;
            blobId: string;
            mediaKey: Uint8Array;
            digest: Uint8Array;
            size: number;
            mimeType: string;
            fileName: string;
            caption: string;
            width: number;
            height: number;
            durationMs: number;
            waveform: Uint8Array;
            thumbnail: Uint8Array;
            static create(properties: parley.v1.Media.$Shape): parley.v1.Media & parley.v1.Media.$Shape;
            static create(properties?: parley.v1.Media.$Properties): parley.v1.Media;
            static encode(message: parley.v1.Media.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Media & parley.v1.Media.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Media;
            static toObject(message: parley.v1.Media, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Media {
            interface $Properties {
                kind?: (parley.v1.MediaKind|null);
                blobId?: (string|null);
                mediaKey?: (Uint8Array|null);
                digest?: (Uint8Array|null);
                size?: (number|null);
                mimeType?: (string|null);
                fileName?: (string|null);
                caption?: (string|null);
                width?: (number|null);
                height?: (number|null);
                durationMs?: (number|null);
                waveform?: (Uint8Array|null);
                thumbnail?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Media.$Properties;
        }

        interface ISenderKeyDistribution extends parley.v1.SenderKeyDistribution.$Properties {
        }

        class SenderKeyDistribution {
            constructor(properties?: parley.v1.SenderKeyDistribution.$Properties);
            $unknowns?: Uint8Array[];
            groupId: string;
            message: Uint8Array;
            static create(properties: parley.v1.SenderKeyDistribution.$Shape): parley.v1.SenderKeyDistribution & parley.v1.SenderKeyDistribution.$Shape;
            static create(properties?: parley.v1.SenderKeyDistribution.$Properties): parley.v1.SenderKeyDistribution;
            static encode(message: parley.v1.SenderKeyDistribution.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.SenderKeyDistribution & parley.v1.SenderKeyDistribution.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.SenderKeyDistribution;
            static toObject(message: parley.v1.SenderKeyDistribution, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace SenderKeyDistribution {
            interface $Properties {
                groupId?: (string|null);
                message?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.SenderKeyDistribution.$Properties;
        }

        interface IReaction extends parley.v1.Reaction.$Properties {
        }

        class Reaction {
            constructor(properties?: parley.v1.Reaction.$Properties);
            $unknowns?: Uint8Array[];
            messageId: string;
            emoji: string;
            static create(properties: parley.v1.Reaction.$Shape): parley.v1.Reaction & parley.v1.Reaction.$Shape;
            static create(properties?: parley.v1.Reaction.$Properties): parley.v1.Reaction;
            static encode(message: parley.v1.Reaction.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Reaction & parley.v1.Reaction.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Reaction;
            static toObject(message: parley.v1.Reaction, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Reaction {
            interface $Properties {
                messageId?: (string|null);
                emoji?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Reaction.$Properties;
        }

        enum GroupRole {
            GROUP_ROLE_UNSPECIFIED = 0,
            GROUP_ROLE_MEMBER = 1,
            GROUP_ROLE_ADMIN = 2
        }

        interface IGroupMember extends parley.v1.GroupMember.$Properties {
        }

        class GroupMember {
            constructor(properties?: parley.v1.GroupMember.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            role: parley.v1.GroupRole;
            static create(properties: parley.v1.GroupMember.$Shape): parley.v1.GroupMember & parley.v1.GroupMember.$Shape;
            static create(properties?: parley.v1.GroupMember.$Properties): parley.v1.GroupMember;
            static encode(message: parley.v1.GroupMember.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupMember & parley.v1.GroupMember.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupMember;
            static toObject(message: parley.v1.GroupMember, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupMember {
            interface $Properties {
                userId?: (string|null);
                role?: (parley.v1.GroupRole|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupMember.$Properties;
        }

        interface IGroupRecord extends parley.v1.GroupRecord.$Properties {
        }

        class GroupRecord {
            constructor(properties?: parley.v1.GroupRecord.$Properties);
            $unknowns?: Uint8Array[];
            groupId: string;
            version: number;
            prevHash: Uint8Array;
            actor?: (parley.v1.Address.$Properties|null);
            at: number;
            create?: (parley.v1.GroupCreate.$Properties|null);
            rename?: (parley.v1.GroupRename.$Properties|null);
            add?: (parley.v1.GroupMembers.$Properties|null);
            remove?: (parley.v1.GroupMembers.$Properties|null);
            promote?: (parley.v1.GroupMembers.$Properties|null);
            demote?: (parley.v1.GroupMembers.$Properties|null);
            leave?: (parley.v1.GroupLeave.$Properties|null);
            describe?: (parley.v1.GroupDescribe.$Properties|null);
            disappearing?: (parley.v1.GroupDisappearing.$Properties|null);
            actorIdentityKey: Uint8Array;
            signature: Uint8Array;
            action?: ("create"|"rename"|"add"|"remove"|"promote"|"demote"|"leave"|"describe"|"disappearing");
            static create(properties: parley.v1.GroupRecord.$Shape): parley.v1.GroupRecord & parley.v1.GroupRecord.$Shape;
            static create(properties?: parley.v1.GroupRecord.$Properties): parley.v1.GroupRecord;
            static encode(message: parley.v1.GroupRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupRecord & parley.v1.GroupRecord.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupRecord;
            static toObject(message: parley.v1.GroupRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupRecord {
            interface $Properties {
                groupId?: (string|null);
                version?: (number|null);
                prevHash?: (Uint8Array|null);
                actor?: (parley.v1.Address.$Properties|null);
                at?: (number|null);
                create?: (parley.v1.GroupCreate.$Properties|null);
                rename?: (parley.v1.GroupRename.$Properties|null);
                add?: (parley.v1.GroupMembers.$Properties|null);
                remove?: (parley.v1.GroupMembers.$Properties|null);
                promote?: (parley.v1.GroupMembers.$Properties|null);
                demote?: (parley.v1.GroupMembers.$Properties|null);
                leave?: (parley.v1.GroupLeave.$Properties|null);
                describe?: (parley.v1.GroupDescribe.$Properties|null);
                disappearing?: (parley.v1.GroupDisappearing.$Properties|null);
                actorIdentityKey?: (Uint8Array|null);
                signature?: (Uint8Array|null);
                action?: ("create"|"rename"|"add"|"remove"|"promote"|"demote"|"leave"|"describe"|"disappearing");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              groupId?: string|null;
              version?: number|null;
              prevHash?: Uint8Array|null;
              actor?: parley.v1.Address.$Shape|null;
              at?: number|null;
              create?: parley.v1.GroupCreate.$Shape|null;
              rename?: parley.v1.GroupRename.$Shape|null;
              add?: parley.v1.GroupMembers.$Shape|null;
              remove?: parley.v1.GroupMembers.$Shape|null;
              promote?: parley.v1.GroupMembers.$Shape|null;
              demote?: parley.v1.GroupMembers.$Shape|null;
              leave?: parley.v1.GroupLeave.$Shape|null;
              describe?: parley.v1.GroupDescribe.$Shape|null;
              disappearing?: parley.v1.GroupDisappearing.$Shape|null;
              actorIdentityKey?: Uint8Array|null;
              signature?: Uint8Array|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ action?: undefined; create?: null; rename?: null; add?: null; remove?: null; promote?: null; demote?: null; leave?: null; describe?: null; disappearing?: null }|{ action?: "create"; create: parley.v1.GroupCreate.$Shape; rename?: null; add?: null; remove?: null; promote?: null; demote?: null; leave?: null; describe?: null; disappearing?: null }|{ action?: "rename"; create?: null; rename: parley.v1.GroupRename.$Shape; add?: null; remove?: null; promote?: null; demote?: null; leave?: null; describe?: null; disappearing?: null }|{ action?: "add"; create?: null; rename?: null; add: parley.v1.GroupMembers.$Shape; remove?: null; promote?: null; demote?: null; leave?: null; describe?: null; disappearing?: null }|{ action?: "remove"; create?: null; rename?: null; add?: null; remove: parley.v1.GroupMembers.$Shape; promote?: null; demote?: null; leave?: null; describe?: null; disappearing?: null }|{ action?: "promote"; create?: null; rename?: null; add?: null; remove?: null; promote: parley.v1.GroupMembers.$Shape; demote?: null; leave?: null; describe?: null; disappearing?: null }|{ action?: "demote"; create?: null; rename?: null; add?: null; remove?: null; promote?: null; demote: parley.v1.GroupMembers.$Shape; leave?: null; describe?: null; disappearing?: null }|{ action?: "leave"; create?: null; rename?: null; add?: null; remove?: null; promote?: null; demote?: null; leave: parley.v1.GroupLeave.$Shape; describe?: null; disappearing?: null }|{ action?: "describe"; create?: null; rename?: null; add?: null; remove?: null; promote?: null; demote?: null; leave?: null; describe: parley.v1.GroupDescribe.$Shape; disappearing?: null }|{ action?: "disappearing"; create?: null; rename?: null; add?: null; remove?: null; promote?: null; demote?: null; leave?: null; describe?: null; disappearing: parley.v1.GroupDisappearing.$Shape })
            );
        }

        interface IGroupCreate extends parley.v1.GroupCreate.$Properties {
        }

        class GroupCreate {
            constructor(properties?: parley.v1.GroupCreate.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            description: string;
            members: parley.v1.GroupMember.$Properties[];
            static create(properties: parley.v1.GroupCreate.$Shape): parley.v1.GroupCreate & parley.v1.GroupCreate.$Shape;
            static create(properties?: parley.v1.GroupCreate.$Properties): parley.v1.GroupCreate;
            static encode(message: parley.v1.GroupCreate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupCreate & parley.v1.GroupCreate.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupCreate;
            static toObject(message: parley.v1.GroupCreate, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupCreate {
            interface $Properties {
                name?: (string|null);
                description?: (string|null);
                members?: (parley.v1.GroupMember.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupCreate.$Properties;
        }

        interface IGroupRename extends parley.v1.GroupRename.$Properties {
        }

        class GroupRename {
            constructor(properties?: parley.v1.GroupRename.$Properties);
            $unknowns?: Uint8Array[];
            name: string;
            static create(properties: parley.v1.GroupRename.$Shape): parley.v1.GroupRename & parley.v1.GroupRename.$Shape;
            static create(properties?: parley.v1.GroupRename.$Properties): parley.v1.GroupRename;
            static encode(message: parley.v1.GroupRename.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupRename & parley.v1.GroupRename.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupRename;
            static toObject(message: parley.v1.GroupRename, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupRename {
            interface $Properties {
                name?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupRename.$Properties;
        }

        interface IGroupDescribe extends parley.v1.GroupDescribe.$Properties {
        }

        class GroupDescribe {
            constructor(properties?: parley.v1.GroupDescribe.$Properties);
            $unknowns?: Uint8Array[];
            description: string;
            static create(properties: parley.v1.GroupDescribe.$Shape): parley.v1.GroupDescribe & parley.v1.GroupDescribe.$Shape;
            static create(properties?: parley.v1.GroupDescribe.$Properties): parley.v1.GroupDescribe;
            static encode(message: parley.v1.GroupDescribe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupDescribe & parley.v1.GroupDescribe.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupDescribe;
            static toObject(message: parley.v1.GroupDescribe, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupDescribe {
            interface $Properties {
                description?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupDescribe.$Properties;
        }

        interface IGroupDisappearing extends parley.v1.GroupDisappearing.$Properties {
        }

        class GroupDisappearing {
            constructor(properties?: parley.v1.GroupDisappearing.$Properties);
            $unknowns?: Uint8Array[];
            seconds: number;
            static create(properties: parley.v1.GroupDisappearing.$Shape): parley.v1.GroupDisappearing & parley.v1.GroupDisappearing.$Shape;
            static create(properties?: parley.v1.GroupDisappearing.$Properties): parley.v1.GroupDisappearing;
            static encode(message: parley.v1.GroupDisappearing.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupDisappearing & parley.v1.GroupDisappearing.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupDisappearing;
            static toObject(message: parley.v1.GroupDisappearing, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupDisappearing {
            interface $Properties {
                seconds?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupDisappearing.$Properties;
        }

        interface IGroupMembers extends parley.v1.GroupMembers.$Properties {
        }

        class GroupMembers {
            constructor(properties?: parley.v1.GroupMembers.$Properties);
            $unknowns?: Uint8Array[];
            userIds: string[];
            static create(properties: parley.v1.GroupMembers.$Shape): parley.v1.GroupMembers & parley.v1.GroupMembers.$Shape;
            static create(properties?: parley.v1.GroupMembers.$Properties): parley.v1.GroupMembers;
            static encode(message: parley.v1.GroupMembers.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupMembers & parley.v1.GroupMembers.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupMembers;
            static toObject(message: parley.v1.GroupMembers, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupMembers {
            interface $Properties {
                userIds?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupMembers.$Properties;
        }

        interface IGroupLeave extends parley.v1.GroupLeave.$Properties {
        }

        class GroupLeave {
            constructor(properties?: parley.v1.GroupLeave.$Properties);
            $unknowns?: Uint8Array[];
            promote: string[];
            static create(properties: parley.v1.GroupLeave.$Shape): parley.v1.GroupLeave & parley.v1.GroupLeave.$Shape;
            static create(properties?: parley.v1.GroupLeave.$Properties): parley.v1.GroupLeave;
            static encode(message: parley.v1.GroupLeave.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupLeave & parley.v1.GroupLeave.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupLeave;
            static toObject(message: parley.v1.GroupLeave, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupLeave {
            interface $Properties {
                promote?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupLeave.$Properties;
        }

        interface IGroupState extends parley.v1.GroupState.$Properties {
        }

        class GroupState {
            constructor(properties?: parley.v1.GroupState.$Properties);
            $unknowns?: Uint8Array[];
            groupId: string;
            name: string;
            description: string;
            version: number;
            members: parley.v1.GroupMember.$Properties[];
            createdBy: string;
            createdAt: number;
            maxMembers: number;
            static create(properties: parley.v1.GroupState.$Shape): parley.v1.GroupState & parley.v1.GroupState.$Shape;
            static create(properties?: parley.v1.GroupState.$Properties): parley.v1.GroupState;
            static encode(message: parley.v1.GroupState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupState & parley.v1.GroupState.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupState;
            static toObject(message: parley.v1.GroupState, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupState {
            interface $Properties {
                groupId?: (string|null);
                name?: (string|null);
                description?: (string|null);
                version?: (number|null);
                members?: (parley.v1.GroupMember.$Properties[]|null);
                createdBy?: (string|null);
                createdAt?: (number|null);
                maxMembers?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupState.$Properties;
        }

        interface IGroupChange extends parley.v1.GroupChange.$Properties {
        }

        class GroupChange {
            constructor(properties?: parley.v1.GroupChange.$Properties);
            $unknowns?: Uint8Array[];
            record?: (parley.v1.GroupRecord.$Properties|null);
            consents: parley.v1.GroupJoinConsent.$Properties[];
            static create(properties: parley.v1.GroupChange.$Shape): parley.v1.GroupChange & parley.v1.GroupChange.$Shape;
            static create(properties?: parley.v1.GroupChange.$Properties): parley.v1.GroupChange;
            static encode(message: parley.v1.GroupChange.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupChange & parley.v1.GroupChange.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupChange;
            static toObject(message: parley.v1.GroupChange, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupChange {
            interface $Properties {
                record?: (parley.v1.GroupRecord.$Properties|null);
                consents?: (parley.v1.GroupJoinConsent.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              record?: parley.v1.GroupRecord.$Shape|null;
              consents?: parley.v1.GroupJoinConsent.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        interface IGroupJoinConsent extends parley.v1.GroupJoinConsent.$Properties {
        }

        class GroupJoinConsent {
            constructor(properties?: parley.v1.GroupJoinConsent.$Properties);
            $unknowns?: Uint8Array[];
            groupId: string;
            invitee?: (parley.v1.Address.$Properties|null);
            inviterUserId: string;
            expiresAt: number;
            signature: Uint8Array;
            static create(properties: parley.v1.GroupJoinConsent.$Shape): parley.v1.GroupJoinConsent & parley.v1.GroupJoinConsent.$Shape;
            static create(properties?: parley.v1.GroupJoinConsent.$Properties): parley.v1.GroupJoinConsent;
            static encode(message: parley.v1.GroupJoinConsent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupJoinConsent & parley.v1.GroupJoinConsent.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupJoinConsent;
            static toObject(message: parley.v1.GroupJoinConsent, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupJoinConsent {
            interface $Properties {
                groupId?: (string|null);
                invitee?: (parley.v1.Address.$Properties|null);
                inviterUserId?: (string|null);
                expiresAt?: (number|null);
                signature?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupJoinConsent.$Properties;
        }

        interface IGroupGet extends parley.v1.GroupGet.$Properties {
        }

        class GroupGet {
            constructor(properties?: parley.v1.GroupGet.$Properties);
            $unknowns?: Uint8Array[];
            groupId: string;
            static create(properties: parley.v1.GroupGet.$Shape): parley.v1.GroupGet & parley.v1.GroupGet.$Shape;
            static create(properties?: parley.v1.GroupGet.$Properties): parley.v1.GroupGet;
            static encode(message: parley.v1.GroupGet.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupGet & parley.v1.GroupGet.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupGet;
            static toObject(message: parley.v1.GroupGet, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupGet {
            interface $Properties {
                groupId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupGet.$Properties;
        }

        interface IGroupListRequest extends parley.v1.GroupListRequest.$Properties {
        }

        class GroupListRequest {
            constructor(properties?: parley.v1.GroupListRequest.$Properties);
            $unknowns?: Uint8Array[];
            cursor: string;
            static create(properties: parley.v1.GroupListRequest.$Shape): parley.v1.GroupListRequest & parley.v1.GroupListRequest.$Shape;
            static create(properties?: parley.v1.GroupListRequest.$Properties): parley.v1.GroupListRequest;
            static encode(message: parley.v1.GroupListRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupListRequest & parley.v1.GroupListRequest.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupListRequest;
            static toObject(message: parley.v1.GroupListRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupListRequest {
            interface $Properties {
                cursor?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupListRequest.$Properties;
        }

        interface IGroupList extends parley.v1.GroupList.$Properties {
        }

        class GroupList {
            constructor(properties?: parley.v1.GroupList.$Properties);
            $unknowns?: Uint8Array[];
            groups: parley.v1.GroupState.$Properties[];
            nextCursor: string;
            static create(properties: parley.v1.GroupList.$Shape): parley.v1.GroupList & parley.v1.GroupList.$Shape;
            static create(properties?: parley.v1.GroupList.$Properties): parley.v1.GroupList;
            static encode(message: parley.v1.GroupList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupList & parley.v1.GroupList.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupList;
            static toObject(message: parley.v1.GroupList, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupList {
            interface $Properties {
                groups?: (parley.v1.GroupState.$Properties[]|null);
                nextCursor?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupList.$Properties;
        }

        interface IGroupHistoryRequest extends parley.v1.GroupHistoryRequest.$Properties {
        }

        class GroupHistoryRequest {
            constructor(properties?: parley.v1.GroupHistoryRequest.$Properties);
            $unknowns?: Uint8Array[];
            groupId: string;
            fromVersion: number;
            static create(properties: parley.v1.GroupHistoryRequest.$Shape): parley.v1.GroupHistoryRequest & parley.v1.GroupHistoryRequest.$Shape;
            static create(properties?: parley.v1.GroupHistoryRequest.$Properties): parley.v1.GroupHistoryRequest;
            static encode(message: parley.v1.GroupHistoryRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupHistoryRequest & parley.v1.GroupHistoryRequest.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupHistoryRequest;
            static toObject(message: parley.v1.GroupHistoryRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupHistoryRequest {
            interface $Properties {
                groupId?: (string|null);
                fromVersion?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupHistoryRequest.$Properties;
        }

        interface IGroupHistory extends parley.v1.GroupHistory.$Properties {
        }

        class GroupHistory {
            constructor(properties?: parley.v1.GroupHistory.$Properties);
            $unknowns?: Uint8Array[];
            records: parley.v1.GroupRecord.$Properties[];
            static create(properties: parley.v1.GroupHistory.$Shape): parley.v1.GroupHistory & parley.v1.GroupHistory.$Shape;
            static create(properties?: parley.v1.GroupHistory.$Properties): parley.v1.GroupHistory;
            static encode(message: parley.v1.GroupHistory.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupHistory & parley.v1.GroupHistory.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupHistory;
            static toObject(message: parley.v1.GroupHistory, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupHistory {
            interface $Properties {
                records?: (parley.v1.GroupRecord.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              records?: parley.v1.GroupRecord.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        interface IGroupReceiptsRequest extends parley.v1.GroupReceiptsRequest.$Properties {
        }

        class GroupReceiptsRequest {
            constructor(properties?: parley.v1.GroupReceiptsRequest.$Properties);
            $unknowns?: Uint8Array[];
            groupId: string;
            messageId: string;
            senderDeviceId: number;
            static create(properties: parley.v1.GroupReceiptsRequest.$Shape): parley.v1.GroupReceiptsRequest & parley.v1.GroupReceiptsRequest.$Shape;
            static create(properties?: parley.v1.GroupReceiptsRequest.$Properties): parley.v1.GroupReceiptsRequest;
            static encode(message: parley.v1.GroupReceiptsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupReceiptsRequest & parley.v1.GroupReceiptsRequest.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupReceiptsRequest;
            static toObject(message: parley.v1.GroupReceiptsRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupReceiptsRequest {
            interface $Properties {
                groupId?: (string|null);
                messageId?: (string|null);
                senderDeviceId?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupReceiptsRequest.$Properties;
        }

        interface IGroupMemberReceipt extends parley.v1.GroupMemberReceipt.$Properties {
        }

        class GroupMemberReceipt {
            constructor(properties?: parley.v1.GroupMemberReceipt.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            status: parley.v1.ReceiptStatus;
            static create(properties: parley.v1.GroupMemberReceipt.$Shape): parley.v1.GroupMemberReceipt & parley.v1.GroupMemberReceipt.$Shape;
            static create(properties?: parley.v1.GroupMemberReceipt.$Properties): parley.v1.GroupMemberReceipt;
            static encode(message: parley.v1.GroupMemberReceipt.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupMemberReceipt & parley.v1.GroupMemberReceipt.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupMemberReceipt;
            static toObject(message: parley.v1.GroupMemberReceipt, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupMemberReceipt {
            interface $Properties {
                userId?: (string|null);
                status?: (parley.v1.ReceiptStatus|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupMemberReceipt.$Properties;
        }

        interface IGroupReceipts extends parley.v1.GroupReceipts.$Properties {
        }

        class GroupReceipts {
            constructor(properties?: parley.v1.GroupReceipts.$Properties);
            $unknowns?: Uint8Array[];
            members: parley.v1.GroupMemberReceipt.$Properties[];
            static create(properties: parley.v1.GroupReceipts.$Shape): parley.v1.GroupReceipts & parley.v1.GroupReceipts.$Shape;
            static create(properties?: parley.v1.GroupReceipts.$Properties): parley.v1.GroupReceipts;
            static encode(message: parley.v1.GroupReceipts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.GroupReceipts & parley.v1.GroupReceipts.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.GroupReceipts;
            static toObject(message: parley.v1.GroupReceipts, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace GroupReceipts {
            interface $Properties {
                members?: (parley.v1.GroupMemberReceipt.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.GroupReceipts.$Properties;
        }

        enum ReceiptStatus {
            RECEIPT_STATUS_UNSPECIFIED = 0,
            RECEIPT_STATUS_SENT = 1,
            RECEIPT_STATUS_DELIVERED = 2,
            RECEIPT_STATUS_READ = 3
        }

        interface IReceipt extends parley.v1.Receipt.$Properties {
        }

        class Receipt {
            constructor(properties?: parley.v1.Receipt.$Properties);
            $unknowns?: Uint8Array[];
            userId?: (string|null);
            groupId?: (string|null);
            messageIds: string[];
            status: parley.v1.ReceiptStatus;
            senderUserId: string;
            senderDeviceId: number;
            chat?: ("userId"|"groupId");
            static create(properties: parley.v1.Receipt.$Shape): parley.v1.Receipt & parley.v1.Receipt.$Shape;
            static create(properties?: parley.v1.Receipt.$Properties): parley.v1.Receipt;
            static encode(message: parley.v1.Receipt.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Receipt & parley.v1.Receipt.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Receipt;
            static toObject(message: parley.v1.Receipt, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Receipt {
            interface $Properties {
                userId?: (string|null);
                groupId?: (string|null);
                messageIds?: (string[]|null);
                status?: (parley.v1.ReceiptStatus|null);
                senderUserId?: (string|null);
                senderDeviceId?: (number|null);
                chat?: ("userId"|"groupId");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              userId?: string|null;
              groupId?: string|null;
              messageIds?: string[]|null;
              status?: parley.v1.ReceiptStatus|null;
              senderUserId?: string|null;
              senderDeviceId?: number|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ chat?: undefined; userId?: null; groupId?: null }|{ chat?: "userId"; userId: string; groupId?: null }|{ chat?: "groupId"; userId?: null; groupId: string })
            );
        }

        interface IReceiptEvent extends parley.v1.ReceiptEvent.$Properties {
        }

        class ReceiptEvent {
            constructor(properties?: parley.v1.ReceiptEvent.$Properties);
            $unknowns?: Uint8Array[];
            messageIds: string[];
            status: parley.v1.ReceiptStatus;
            byUserId: string;
            at: number;
            groupId: string;
            peerUserId: string;
            allMembers: boolean;
            senderDeviceId: number;
            static create(properties: parley.v1.ReceiptEvent.$Shape): parley.v1.ReceiptEvent & parley.v1.ReceiptEvent.$Shape;
            static create(properties?: parley.v1.ReceiptEvent.$Properties): parley.v1.ReceiptEvent;
            static encode(message: parley.v1.ReceiptEvent.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.ReceiptEvent & parley.v1.ReceiptEvent.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.ReceiptEvent;
            static toObject(message: parley.v1.ReceiptEvent, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ReceiptEvent {
            interface $Properties {
                messageIds?: (string[]|null);
                status?: (parley.v1.ReceiptStatus|null);
                byUserId?: (string|null);
                at?: (number|null);
                groupId?: (string|null);
                peerUserId?: (string|null);
                allMembers?: (boolean|null);
                senderDeviceId?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.ReceiptEvent.$Properties;
        }

        interface IDeviceListRecord extends parley.v1.DeviceListRecord.$Properties {
        }

        class DeviceListRecord {
            constructor(properties?: parley.v1.DeviceListRecord.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            version: number;
            prevHash: Uint8Array;
            signerDeviceId: number;
            at: number;
            add?: (parley.v1.DeviceListAdd.$Properties|null);
            remove?: (parley.v1.DeviceListRemove.$Properties|null);
            signature: Uint8Array;
            action?: ("add"|"remove");
            static create(properties: parley.v1.DeviceListRecord.$Shape): parley.v1.DeviceListRecord & parley.v1.DeviceListRecord.$Shape;
            static create(properties?: parley.v1.DeviceListRecord.$Properties): parley.v1.DeviceListRecord;
            static encode(message: parley.v1.DeviceListRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DeviceListRecord & parley.v1.DeviceListRecord.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DeviceListRecord;
            static toObject(message: parley.v1.DeviceListRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceListRecord {
            interface $Properties {
                userId?: (string|null);
                version?: (number|null);
                prevHash?: (Uint8Array|null);
                signerDeviceId?: (number|null);
                at?: (number|null);
                add?: (parley.v1.DeviceListAdd.$Properties|null);
                remove?: (parley.v1.DeviceListRemove.$Properties|null);
                signature?: (Uint8Array|null);
                action?: ("add"|"remove");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              userId?: string|null;
              version?: number|null;
              prevHash?: Uint8Array|null;
              signerDeviceId?: number|null;
              at?: number|null;
              add?: parley.v1.DeviceListAdd.$Shape|null;
              remove?: parley.v1.DeviceListRemove.$Shape|null;
              signature?: Uint8Array|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ action?: undefined; add?: null; remove?: null }|{ action?: "add"; add: parley.v1.DeviceListAdd.$Shape; remove?: null }|{ action?: "remove"; add?: null; remove: parley.v1.DeviceListRemove.$Shape })
            );
        }

        interface IDeviceListAdd extends parley.v1.DeviceListAdd.$Properties {
        }

        class DeviceListAdd {
            constructor(properties?: parley.v1.DeviceListAdd.$Properties);
            $unknowns?: Uint8Array[];
            deviceId: number;
            identityKey: Uint8Array;
            static create(properties: parley.v1.DeviceListAdd.$Shape): parley.v1.DeviceListAdd & parley.v1.DeviceListAdd.$Shape;
            static create(properties?: parley.v1.DeviceListAdd.$Properties): parley.v1.DeviceListAdd;
            static encode(message: parley.v1.DeviceListAdd.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DeviceListAdd & parley.v1.DeviceListAdd.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DeviceListAdd;
            static toObject(message: parley.v1.DeviceListAdd, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceListAdd {
            interface $Properties {
                deviceId?: (number|null);
                identityKey?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DeviceListAdd.$Properties;
        }

        interface IDeviceListRemove extends parley.v1.DeviceListRemove.$Properties {
        }

        class DeviceListRemove {
            constructor(properties?: parley.v1.DeviceListRemove.$Properties);
            $unknowns?: Uint8Array[];
            deviceId: number;
            static create(properties: parley.v1.DeviceListRemove.$Shape): parley.v1.DeviceListRemove & parley.v1.DeviceListRemove.$Shape;
            static create(properties?: parley.v1.DeviceListRemove.$Properties): parley.v1.DeviceListRemove;
            static encode(message: parley.v1.DeviceListRemove.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DeviceListRemove & parley.v1.DeviceListRemove.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DeviceListRemove;
            static toObject(message: parley.v1.DeviceListRemove, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceListRemove {
            interface $Properties {
                deviceId?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DeviceListRemove.$Properties;
        }

        interface IDeviceListAppend extends parley.v1.DeviceListAppend.$Properties {
        }

        class DeviceListAppend {
            constructor(properties?: parley.v1.DeviceListAppend.$Properties);
            $unknowns?: Uint8Array[];
            record: Uint8Array;
            static create(properties: parley.v1.DeviceListAppend.$Shape): parley.v1.DeviceListAppend & parley.v1.DeviceListAppend.$Shape;
            static create(properties?: parley.v1.DeviceListAppend.$Properties): parley.v1.DeviceListAppend;
            static encode(message: parley.v1.DeviceListAppend.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DeviceListAppend & parley.v1.DeviceListAppend.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DeviceListAppend;
            static toObject(message: parley.v1.DeviceListAppend, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceListAppend {
            interface $Properties {
                record?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DeviceListAppend.$Properties;
        }

        enum ErrorCode {
            ERROR_CODE_UNSPECIFIED = 0,
            ERROR_CODE_BAD_FRAME = 1,
            ERROR_CODE_FRAME_TOO_LARGE = 2,
            ERROR_CODE_UNAUTHENTICATED = 3,
            ERROR_CODE_AUTH_FAILED = 4,
            ERROR_CODE_FORBIDDEN = 5,
            ERROR_CODE_UNKNOWN_RECIPIENT = 6,
            ERROR_CODE_DEVICES_MISMATCH = 7,
            ERROR_CODE_RATE_LIMITED = 8,
            ERROR_CODE_QUEUE_FULL = 9,
            ERROR_CODE_NOT_FOUND = 10,
            ERROR_CODE_CONFLICT = 11,
            ERROR_CODE_INVALID_ARGUMENT = 12,
            ERROR_CODE_UNAVAILABLE = 13,
            ERROR_CODE_INTERNAL = 14,
            ERROR_CODE_TIMEOUT = 15,
            ERROR_CODE_CONNECTION_CLOSED = 16,
            ERROR_CODE_UNSUPPORTED_VERSION = 17,
            ERROR_CODE_MEDIA_INTEGRITY = 18,
            ERROR_CODE_MEDIA_TOO_LARGE = 19,
            ERROR_CODE_TICKET_INVALID = 20,
            ERROR_CODE_DECRYPTION_FAILED = 21,
            ERROR_CODE_UNTRUSTED_IDENTITY = 22,
            ERROR_CODE_GROUP_FULL = 23,
            ERROR_CODE_NOT_GROUP_MEMBER = 24,
            ERROR_CODE_BAD_SIGNATURE = 25,
            ERROR_CODE_STORE_FAILED = 26,
            ERROR_CODE_CLOSED = 27,
            ERROR_CODE_OVERLOADED = 28,
            ERROR_CODE_GROUP_ADD_REFUSED = 29
        }

        interface IError extends parley.v1.Error.$Properties {
        }

        class Error {
            constructor(properties?: parley.v1.Error.$Properties);
            $unknowns?: Uint8Array[];
            code: parley.v1.ErrorCode;
            message: string;
            retryable: boolean;
            retryAfterMs: number;
            devicesMismatch?: (parley.v1.DevicesMismatch.$Properties|null);
            userIds: string[];
            static create(properties: parley.v1.Error.$Shape): parley.v1.Error & parley.v1.Error.$Shape;
            static create(properties?: parley.v1.Error.$Properties): parley.v1.Error;
            static encode(message: parley.v1.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Error & parley.v1.Error.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Error;
            static toObject(message: parley.v1.Error, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Error {
            interface $Properties {
                code?: (parley.v1.ErrorCode|null);
                message?: (string|null);
                retryable?: (boolean|null);
                retryAfterMs?: (number|null);
                devicesMismatch?: (parley.v1.DevicesMismatch.$Properties|null);
                userIds?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Error.$Properties;
        }

        interface IDevicesMismatch extends parley.v1.DevicesMismatch.$Properties {
        }

        class DevicesMismatch {
            constructor(properties?: parley.v1.DevicesMismatch.$Properties);
            $unknowns?: Uint8Array[];
            missing: parley.v1.Address.$Properties[];
            extra: parley.v1.Address.$Properties[];
            stale: parley.v1.Address.$Properties[];
            static create(properties: parley.v1.DevicesMismatch.$Shape): parley.v1.DevicesMismatch & parley.v1.DevicesMismatch.$Shape;
            static create(properties?: parley.v1.DevicesMismatch.$Properties): parley.v1.DevicesMismatch;
            static encode(message: parley.v1.DevicesMismatch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DevicesMismatch & parley.v1.DevicesMismatch.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DevicesMismatch;
            static toObject(message: parley.v1.DevicesMismatch, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DevicesMismatch {
            interface $Properties {
                missing?: (parley.v1.Address.$Properties[]|null);
                extra?: (parley.v1.Address.$Properties[]|null);
                stale?: (parley.v1.Address.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DevicesMismatch.$Properties;
        }

        interface IClientFrame extends parley.v1.ClientFrame.$Properties {
        }

        class ClientFrame {
            constructor(properties?: parley.v1.ClientFrame.$Properties);
            $unknowns?: Uint8Array[];
            requestId: number;
            hello?: (parley.v1.Hello.$Properties|null);
            auth?: (parley.v1.Auth.$Properties|null);
            ping?: (parley.v1.Ping.$Properties|null);
            pong?: (parley.v1.Pong.$Properties|null);
            send?: (parley.v1.Send.$Properties|null);
            deliverAck?: (parley.v1.DeliverAck.$Properties|null);
            receipt?: (parley.v1.Receipt.$Properties|null);
            presenceSubscribe?: (parley.v1.PresenceSubscribe.$Properties|null);
            presenceUnsubscribe?: (parley.v1.PresenceUnsubscribe.$Properties|null);
            setActive?: (parley.v1.SetActive.$Properties|null);
            setPrivacy?: (parley.v1.SetPrivacy.$Properties|null);
            setContacts?: (parley.v1.SetContacts.$Properties|null);
            typing?: (parley.v1.Typing.$Properties|null);
            registerPushToken?: (parley.v1.RegisterPushToken.$Properties|null);
            groupChange?: (parley.v1.GroupChange.$Properties|null);
            groupGet?: (parley.v1.GroupGet.$Properties|null);
            groupList?: (parley.v1.GroupListRequest.$Properties|null);
            groupHistory?: (parley.v1.GroupHistoryRequest.$Properties|null);
            groupReceipts?: (parley.v1.GroupReceiptsRequest.$Properties|null);
            keysUpload?: (parley.v1.KeysUpload.$Properties|null);
            keysFetch?: (parley.v1.KeysFetch.$Properties|null);
            keysCount?: (parley.v1.KeysCount.$Properties|null);
            devicesGet?: (parley.v1.DevicesGet.$Properties|null);
            deviceRemove?: (parley.v1.DeviceRemove.$Properties|null);
            deviceListAppend?: (parley.v1.DeviceListAppend.$Properties|null);
            mediaUpload?: (parley.v1.MediaUploadRequest.$Properties|null);
            mediaDownload?: (parley.v1.MediaDownloadRequest.$Properties|null);
            mediaDelete?: (parley.v1.MediaDeleteRequest.$Properties|null);
            body?: ("hello"|"auth"|"ping"|"pong"|"send"|"deliverAck"|"receipt"|"presenceSubscribe"|"presenceUnsubscribe"|"setActive"|"setPrivacy"|"setContacts"|"typing"|"registerPushToken"|"groupChange"|"groupGet"|"groupList"|"groupHistory"|"groupReceipts"|"keysUpload"|"keysFetch"|"keysCount"|"devicesGet"|"deviceRemove"|"deviceListAppend"|"mediaUpload"|"mediaDownload"|"mediaDelete");
            static create(properties: parley.v1.ClientFrame.$Shape): parley.v1.ClientFrame & parley.v1.ClientFrame.$Shape;
            static create(properties?: parley.v1.ClientFrame.$Properties): parley.v1.ClientFrame;
            static encode(message: parley.v1.ClientFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.ClientFrame & parley.v1.ClientFrame.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.ClientFrame;
            static toObject(message: parley.v1.ClientFrame, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClientFrame {
            interface $Properties {
                requestId?: (number|null);
                hello?: (parley.v1.Hello.$Properties|null);
                auth?: (parley.v1.Auth.$Properties|null);
                ping?: (parley.v1.Ping.$Properties|null);
                pong?: (parley.v1.Pong.$Properties|null);
                send?: (parley.v1.Send.$Properties|null);
                deliverAck?: (parley.v1.DeliverAck.$Properties|null);
                receipt?: (parley.v1.Receipt.$Properties|null);
                presenceSubscribe?: (parley.v1.PresenceSubscribe.$Properties|null);
                presenceUnsubscribe?: (parley.v1.PresenceUnsubscribe.$Properties|null);
                setActive?: (parley.v1.SetActive.$Properties|null);
                setPrivacy?: (parley.v1.SetPrivacy.$Properties|null);
                setContacts?: (parley.v1.SetContacts.$Properties|null);
                typing?: (parley.v1.Typing.$Properties|null);
                registerPushToken?: (parley.v1.RegisterPushToken.$Properties|null);
                groupChange?: (parley.v1.GroupChange.$Properties|null);
                groupGet?: (parley.v1.GroupGet.$Properties|null);
                groupList?: (parley.v1.GroupListRequest.$Properties|null);
                groupHistory?: (parley.v1.GroupHistoryRequest.$Properties|null);
                groupReceipts?: (parley.v1.GroupReceiptsRequest.$Properties|null);
                keysUpload?: (parley.v1.KeysUpload.$Properties|null);
                keysFetch?: (parley.v1.KeysFetch.$Properties|null);
                keysCount?: (parley.v1.KeysCount.$Properties|null);
                devicesGet?: (parley.v1.DevicesGet.$Properties|null);
                deviceRemove?: (parley.v1.DeviceRemove.$Properties|null);
                deviceListAppend?: (parley.v1.DeviceListAppend.$Properties|null);
                mediaUpload?: (parley.v1.MediaUploadRequest.$Properties|null);
                mediaDownload?: (parley.v1.MediaDownloadRequest.$Properties|null);
                mediaDelete?: (parley.v1.MediaDeleteRequest.$Properties|null);
                body?: ("hello"|"auth"|"ping"|"pong"|"send"|"deliverAck"|"receipt"|"presenceSubscribe"|"presenceUnsubscribe"|"setActive"|"setPrivacy"|"setContacts"|"typing"|"registerPushToken"|"groupChange"|"groupGet"|"groupList"|"groupHistory"|"groupReceipts"|"keysUpload"|"keysFetch"|"keysCount"|"devicesGet"|"deviceRemove"|"deviceListAppend"|"mediaUpload"|"mediaDownload"|"mediaDelete");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              requestId?: number|null;
              hello?: parley.v1.Hello.$Shape|null;
              auth?: parley.v1.Auth.$Shape|null;
              ping?: parley.v1.Ping.$Shape|null;
              pong?: parley.v1.Pong.$Shape|null;
              send?: parley.v1.Send.$Shape|null;
              deliverAck?: parley.v1.DeliverAck.$Shape|null;
              receipt?: parley.v1.Receipt.$Shape|null;
              presenceSubscribe?: parley.v1.PresenceSubscribe.$Shape|null;
              presenceUnsubscribe?: parley.v1.PresenceUnsubscribe.$Shape|null;
              setActive?: parley.v1.SetActive.$Shape|null;
              setPrivacy?: parley.v1.SetPrivacy.$Shape|null;
              setContacts?: parley.v1.SetContacts.$Shape|null;
              typing?: parley.v1.Typing.$Shape|null;
              registerPushToken?: parley.v1.RegisterPushToken.$Shape|null;
              groupChange?: parley.v1.GroupChange.$Shape|null;
              groupGet?: parley.v1.GroupGet.$Shape|null;
              groupList?: parley.v1.GroupListRequest.$Shape|null;
              groupHistory?: parley.v1.GroupHistoryRequest.$Shape|null;
              groupReceipts?: parley.v1.GroupReceiptsRequest.$Shape|null;
              keysUpload?: parley.v1.KeysUpload.$Shape|null;
              keysFetch?: parley.v1.KeysFetch.$Shape|null;
              keysCount?: parley.v1.KeysCount.$Shape|null;
              devicesGet?: parley.v1.DevicesGet.$Shape|null;
              deviceRemove?: parley.v1.DeviceRemove.$Shape|null;
              deviceListAppend?: parley.v1.DeviceListAppend.$Shape|null;
              mediaUpload?: parley.v1.MediaUploadRequest.$Shape|null;
              mediaDownload?: parley.v1.MediaDownloadRequest.$Shape|null;
              mediaDelete?: parley.v1.MediaDeleteRequest.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "hello"; hello: parley.v1.Hello.$Shape; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "auth"; hello?: null; auth: parley.v1.Auth.$Shape; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "ping"; hello?: null; auth?: null; ping: parley.v1.Ping.$Shape; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "pong"; hello?: null; auth?: null; ping?: null; pong: parley.v1.Pong.$Shape; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "send"; hello?: null; auth?: null; ping?: null; pong?: null; send: parley.v1.Send.$Shape; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "deliverAck"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck: parley.v1.DeliverAck.$Shape; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "receipt"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt: parley.v1.Receipt.$Shape; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "presenceSubscribe"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe: parley.v1.PresenceSubscribe.$Shape; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "presenceUnsubscribe"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe: parley.v1.PresenceUnsubscribe.$Shape; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "setActive"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive: parley.v1.SetActive.$Shape; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "setPrivacy"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy: parley.v1.SetPrivacy.$Shape; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "setContacts"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts: parley.v1.SetContacts.$Shape; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "typing"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing: parley.v1.Typing.$Shape; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "registerPushToken"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken: parley.v1.RegisterPushToken.$Shape; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "groupChange"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange: parley.v1.GroupChange.$Shape; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "groupGet"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet: parley.v1.GroupGet.$Shape; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "groupList"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList: parley.v1.GroupListRequest.$Shape; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "groupHistory"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory: parley.v1.GroupHistoryRequest.$Shape; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "groupReceipts"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts: parley.v1.GroupReceiptsRequest.$Shape; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "keysUpload"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload: parley.v1.KeysUpload.$Shape; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "keysFetch"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch: parley.v1.KeysFetch.$Shape; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "keysCount"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount: parley.v1.KeysCount.$Shape; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "devicesGet"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet: parley.v1.DevicesGet.$Shape; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "deviceRemove"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove: parley.v1.DeviceRemove.$Shape; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "deviceListAppend"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend: parley.v1.DeviceListAppend.$Shape; mediaUpload?: null; mediaDownload?: null; mediaDelete?: null }|{ body?: "mediaUpload"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload: parley.v1.MediaUploadRequest.$Shape; mediaDownload?: null; mediaDelete?: null }|{ body?: "mediaDownload"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload: parley.v1.MediaDownloadRequest.$Shape; mediaDelete?: null }|{ body?: "mediaDelete"; hello?: null; auth?: null; ping?: null; pong?: null; send?: null; deliverAck?: null; receipt?: null; presenceSubscribe?: null; presenceUnsubscribe?: null; setActive?: null; setPrivacy?: null; setContacts?: null; typing?: null; registerPushToken?: null; groupChange?: null; groupGet?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUpload?: null; keysFetch?: null; keysCount?: null; devicesGet?: null; deviceRemove?: null; deviceListAppend?: null; mediaUpload?: null; mediaDownload?: null; mediaDelete: parley.v1.MediaDeleteRequest.$Shape })
            );
        }

        interface IOk extends parley.v1.Ok.$Properties {
        }

        class Ok {
            constructor(properties?: parley.v1.Ok.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: parley.v1.Ok.$Shape): parley.v1.Ok & parley.v1.Ok.$Shape;
            static create(properties?: parley.v1.Ok.$Properties): parley.v1.Ok;
            static encode(message: parley.v1.Ok.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Ok & parley.v1.Ok.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Ok;
            static toObject(message: parley.v1.Ok, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ok {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Ok.$Properties;
        }

        interface IServerFrame extends parley.v1.ServerFrame.$Properties {
        }

        class ServerFrame {
            constructor(properties?: parley.v1.ServerFrame.$Properties);
            $unknowns?: Uint8Array[];
            requestId: number;
            error?: (parley.v1.Error.$Properties|null);
            ok?: (parley.v1.Ok.$Properties|null);
            challenge?: (parley.v1.Challenge.$Properties|null);
            welcome?: (parley.v1.Welcome.$Properties|null);
            ping?: (parley.v1.Ping.$Properties|null);
            pong?: (parley.v1.Pong.$Properties|null);
            goodbye?: (parley.v1.Goodbye.$Properties|null);
            sendAck?: (parley.v1.SendAck.$Properties|null);
            deliver?: (parley.v1.Deliver.$Properties|null);
            syncComplete?: (parley.v1.SyncComplete.$Properties|null);
            presenceSnapshot?: (parley.v1.PresenceSnapshot.$Properties|null);
            presenceChanged?: (parley.v1.PresenceChanged.$Properties|null);
            typingChanged?: (parley.v1.TypingChanged.$Properties|null);
            groupState?: (parley.v1.GroupState.$Properties|null);
            groupList?: (parley.v1.GroupList.$Properties|null);
            groupHistory?: (parley.v1.GroupHistory.$Properties|null);
            groupReceipts?: (parley.v1.GroupReceipts.$Properties|null);
            keysUploadResult?: (parley.v1.KeysUploadResult.$Properties|null);
            keysBundles?: (parley.v1.KeysBundles.$Properties|null);
            prekeysLow?: (parley.v1.PreKeysLow.$Properties|null);
            deviceList?: (parley.v1.DeviceList.$Properties|null);
            mediaTicket?: (parley.v1.MediaTicket.$Properties|null);
            body?: ("error"|"ok"|"challenge"|"welcome"|"ping"|"pong"|"goodbye"|"sendAck"|"deliver"|"syncComplete"|"presenceSnapshot"|"presenceChanged"|"typingChanged"|"groupState"|"groupList"|"groupHistory"|"groupReceipts"|"keysUploadResult"|"keysBundles"|"prekeysLow"|"deviceList"|"mediaTicket");
            static create(properties: parley.v1.ServerFrame.$Shape): parley.v1.ServerFrame & parley.v1.ServerFrame.$Shape;
            static create(properties?: parley.v1.ServerFrame.$Properties): parley.v1.ServerFrame;
            static encode(message: parley.v1.ServerFrame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.ServerFrame & parley.v1.ServerFrame.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.ServerFrame;
            static toObject(message: parley.v1.ServerFrame, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace ServerFrame {
            interface $Properties {
                requestId?: (number|null);
                error?: (parley.v1.Error.$Properties|null);
                ok?: (parley.v1.Ok.$Properties|null);
                challenge?: (parley.v1.Challenge.$Properties|null);
                welcome?: (parley.v1.Welcome.$Properties|null);
                ping?: (parley.v1.Ping.$Properties|null);
                pong?: (parley.v1.Pong.$Properties|null);
                goodbye?: (parley.v1.Goodbye.$Properties|null);
                sendAck?: (parley.v1.SendAck.$Properties|null);
                deliver?: (parley.v1.Deliver.$Properties|null);
                syncComplete?: (parley.v1.SyncComplete.$Properties|null);
                presenceSnapshot?: (parley.v1.PresenceSnapshot.$Properties|null);
                presenceChanged?: (parley.v1.PresenceChanged.$Properties|null);
                typingChanged?: (parley.v1.TypingChanged.$Properties|null);
                groupState?: (parley.v1.GroupState.$Properties|null);
                groupList?: (parley.v1.GroupList.$Properties|null);
                groupHistory?: (parley.v1.GroupHistory.$Properties|null);
                groupReceipts?: (parley.v1.GroupReceipts.$Properties|null);
                keysUploadResult?: (parley.v1.KeysUploadResult.$Properties|null);
                keysBundles?: (parley.v1.KeysBundles.$Properties|null);
                prekeysLow?: (parley.v1.PreKeysLow.$Properties|null);
                deviceList?: (parley.v1.DeviceList.$Properties|null);
                mediaTicket?: (parley.v1.MediaTicket.$Properties|null);
                body?: ("error"|"ok"|"challenge"|"welcome"|"ping"|"pong"|"goodbye"|"sendAck"|"deliver"|"syncComplete"|"presenceSnapshot"|"presenceChanged"|"typingChanged"|"groupState"|"groupList"|"groupHistory"|"groupReceipts"|"keysUploadResult"|"keysBundles"|"prekeysLow"|"deviceList"|"mediaTicket");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              requestId?: number|null;
              error?: parley.v1.Error.$Shape|null;
              ok?: parley.v1.Ok.$Shape|null;
              challenge?: parley.v1.Challenge.$Shape|null;
              welcome?: parley.v1.Welcome.$Shape|null;
              ping?: parley.v1.Ping.$Shape|null;
              pong?: parley.v1.Pong.$Shape|null;
              goodbye?: parley.v1.Goodbye.$Shape|null;
              sendAck?: parley.v1.SendAck.$Shape|null;
              deliver?: parley.v1.Deliver.$Shape|null;
              syncComplete?: parley.v1.SyncComplete.$Shape|null;
              presenceSnapshot?: parley.v1.PresenceSnapshot.$Shape|null;
              presenceChanged?: parley.v1.PresenceChanged.$Shape|null;
              typingChanged?: parley.v1.TypingChanged.$Shape|null;
              groupState?: parley.v1.GroupState.$Shape|null;
              groupList?: parley.v1.GroupList.$Shape|null;
              groupHistory?: parley.v1.GroupHistory.$Shape|null;
              groupReceipts?: parley.v1.GroupReceipts.$Shape|null;
              keysUploadResult?: parley.v1.KeysUploadResult.$Shape|null;
              keysBundles?: parley.v1.KeysBundles.$Shape|null;
              prekeysLow?: parley.v1.PreKeysLow.$Shape|null;
              deviceList?: parley.v1.DeviceList.$Shape|null;
              mediaTicket?: parley.v1.MediaTicket.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "error"; error: parley.v1.Error.$Shape; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "ok"; error?: null; ok: parley.v1.Ok.$Shape; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "challenge"; error?: null; ok?: null; challenge: parley.v1.Challenge.$Shape; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "welcome"; error?: null; ok?: null; challenge?: null; welcome: parley.v1.Welcome.$Shape; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "ping"; error?: null; ok?: null; challenge?: null; welcome?: null; ping: parley.v1.Ping.$Shape; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "pong"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong: parley.v1.Pong.$Shape; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "goodbye"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye: parley.v1.Goodbye.$Shape; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "sendAck"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck: parley.v1.SendAck.$Shape; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "deliver"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver: parley.v1.Deliver.$Shape; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "syncComplete"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete: parley.v1.SyncComplete.$Shape; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "presenceSnapshot"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot: parley.v1.PresenceSnapshot.$Shape; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "presenceChanged"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged: parley.v1.PresenceChanged.$Shape; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "typingChanged"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged: parley.v1.TypingChanged.$Shape; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "groupState"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState: parley.v1.GroupState.$Shape; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "groupList"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList: parley.v1.GroupList.$Shape; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "groupHistory"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory: parley.v1.GroupHistory.$Shape; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "groupReceipts"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts: parley.v1.GroupReceipts.$Shape; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "keysUploadResult"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult: parley.v1.KeysUploadResult.$Shape; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "keysBundles"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles: parley.v1.KeysBundles.$Shape; prekeysLow?: null; deviceList?: null; mediaTicket?: null }|{ body?: "prekeysLow"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow: parley.v1.PreKeysLow.$Shape; deviceList?: null; mediaTicket?: null }|{ body?: "deviceList"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList: parley.v1.DeviceList.$Shape; mediaTicket?: null }|{ body?: "mediaTicket"; error?: null; ok?: null; challenge?: null; welcome?: null; ping?: null; pong?: null; goodbye?: null; sendAck?: null; deliver?: null; syncComplete?: null; presenceSnapshot?: null; presenceChanged?: null; typingChanged?: null; groupState?: null; groupList?: null; groupHistory?: null; groupReceipts?: null; keysUploadResult?: null; keysBundles?: null; prekeysLow?: null; deviceList?: null; mediaTicket: parley.v1.MediaTicket.$Shape })
            );
        }

        interface IPreKey extends parley.v1.PreKey.$Properties {
        }

        class PreKey {
            constructor(properties?: parley.v1.PreKey.$Properties);
            $unknowns?: Uint8Array[];
            keyId: number;
            publicKey: Uint8Array;
            static create(properties: parley.v1.PreKey.$Shape): parley.v1.PreKey & parley.v1.PreKey.$Shape;
            static create(properties?: parley.v1.PreKey.$Properties): parley.v1.PreKey;
            static encode(message: parley.v1.PreKey.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PreKey & parley.v1.PreKey.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PreKey;
            static toObject(message: parley.v1.PreKey, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PreKey {
            interface $Properties {
                keyId?: (number|null);
                publicKey?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PreKey.$Properties;
        }

        interface ISignedPreKey extends parley.v1.SignedPreKey.$Properties {
        }

        class SignedPreKey {
            constructor(properties?: parley.v1.SignedPreKey.$Properties);
            $unknowns?: Uint8Array[];
            keyId: number;
            publicKey: Uint8Array;
            signature: Uint8Array;
            static create(properties: parley.v1.SignedPreKey.$Shape): parley.v1.SignedPreKey & parley.v1.SignedPreKey.$Shape;
            static create(properties?: parley.v1.SignedPreKey.$Properties): parley.v1.SignedPreKey;
            static encode(message: parley.v1.SignedPreKey.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.SignedPreKey & parley.v1.SignedPreKey.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.SignedPreKey;
            static toObject(message: parley.v1.SignedPreKey, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace SignedPreKey {
            interface $Properties {
                keyId?: (number|null);
                publicKey?: (Uint8Array|null);
                signature?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.SignedPreKey.$Properties;
        }

        interface IKeysUpload extends parley.v1.KeysUpload.$Properties {
        }

        class KeysUpload {
            constructor(properties?: parley.v1.KeysUpload.$Properties);
            $unknowns?: Uint8Array[];
            registrationId: number;
            identityKey: Uint8Array;
            signedPrekey?: (parley.v1.SignedPreKey.$Properties|null);
            oneTimePrekeys: parley.v1.PreKey.$Properties[];
            lastResortPrekey?: (parley.v1.PreKey.$Properties|null);
            static create(properties: parley.v1.KeysUpload.$Shape): parley.v1.KeysUpload & parley.v1.KeysUpload.$Shape;
            static create(properties?: parley.v1.KeysUpload.$Properties): parley.v1.KeysUpload;
            static encode(message: parley.v1.KeysUpload.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.KeysUpload & parley.v1.KeysUpload.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.KeysUpload;
            static toObject(message: parley.v1.KeysUpload, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace KeysUpload {
            interface $Properties {
                registrationId?: (number|null);
                identityKey?: (Uint8Array|null);
                signedPrekey?: (parley.v1.SignedPreKey.$Properties|null);
                oneTimePrekeys?: (parley.v1.PreKey.$Properties[]|null);
                lastResortPrekey?: (parley.v1.PreKey.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.KeysUpload.$Properties;
        }

        interface IKeysUploadResult extends parley.v1.KeysUploadResult.$Properties {
        }

        class KeysUploadResult {
            constructor(properties?: parley.v1.KeysUploadResult.$Properties);
            $unknowns?: Uint8Array[];
            oneTimeRemaining: number;
            static create(properties: parley.v1.KeysUploadResult.$Shape): parley.v1.KeysUploadResult & parley.v1.KeysUploadResult.$Shape;
            static create(properties?: parley.v1.KeysUploadResult.$Properties): parley.v1.KeysUploadResult;
            static encode(message: parley.v1.KeysUploadResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.KeysUploadResult & parley.v1.KeysUploadResult.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.KeysUploadResult;
            static toObject(message: parley.v1.KeysUploadResult, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace KeysUploadResult {
            interface $Properties {
                oneTimeRemaining?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.KeysUploadResult.$Properties;
        }

        interface IKeysFetch extends parley.v1.KeysFetch.$Properties {
        }

        class KeysFetch {
            constructor(properties?: parley.v1.KeysFetch.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            deviceIds: number[];
            static create(properties: parley.v1.KeysFetch.$Shape): parley.v1.KeysFetch & parley.v1.KeysFetch.$Shape;
            static create(properties?: parley.v1.KeysFetch.$Properties): parley.v1.KeysFetch;
            static encode(message: parley.v1.KeysFetch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.KeysFetch & parley.v1.KeysFetch.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.KeysFetch;
            static toObject(message: parley.v1.KeysFetch, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace KeysFetch {
            interface $Properties {
                userId?: (string|null);
                deviceIds?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.KeysFetch.$Properties;
        }

        interface IPreKeyBundle extends parley.v1.PreKeyBundle.$Properties {
        }

        class PreKeyBundle {
            constructor(properties?: parley.v1.PreKeyBundle.$Properties);
            $unknowns?: Uint8Array[];
            address?: (parley.v1.Address.$Properties|null);
            registrationId: number;
            identityKey: Uint8Array;
            signedPrekey?: (parley.v1.SignedPreKey.$Properties|null);
            prekey?: (parley.v1.PreKey.$Properties|null);
            static create(properties: parley.v1.PreKeyBundle.$Shape): parley.v1.PreKeyBundle & parley.v1.PreKeyBundle.$Shape;
            static create(properties?: parley.v1.PreKeyBundle.$Properties): parley.v1.PreKeyBundle;
            static encode(message: parley.v1.PreKeyBundle.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PreKeyBundle & parley.v1.PreKeyBundle.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PreKeyBundle;
            static toObject(message: parley.v1.PreKeyBundle, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PreKeyBundle {
            interface $Properties {
                address?: (parley.v1.Address.$Properties|null);
                registrationId?: (number|null);
                identityKey?: (Uint8Array|null);
                signedPrekey?: (parley.v1.SignedPreKey.$Properties|null);
                prekey?: (parley.v1.PreKey.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PreKeyBundle.$Properties;
        }

        interface IKeysBundles extends parley.v1.KeysBundles.$Properties {
        }

        class KeysBundles {
            constructor(properties?: parley.v1.KeysBundles.$Properties);
            $unknowns?: Uint8Array[];
            bundles: parley.v1.PreKeyBundle.$Properties[];
            static create(properties: parley.v1.KeysBundles.$Shape): parley.v1.KeysBundles & parley.v1.KeysBundles.$Shape;
            static create(properties?: parley.v1.KeysBundles.$Properties): parley.v1.KeysBundles;
            static encode(message: parley.v1.KeysBundles.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.KeysBundles & parley.v1.KeysBundles.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.KeysBundles;
            static toObject(message: parley.v1.KeysBundles, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace KeysBundles {
            interface $Properties {
                bundles?: (parley.v1.PreKeyBundle.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.KeysBundles.$Properties;
        }

        interface IKeysCount extends parley.v1.KeysCount.$Properties {
        }

        class KeysCount {
            constructor(properties?: parley.v1.KeysCount.$Properties);
            $unknowns?: Uint8Array[];
            static create(properties: parley.v1.KeysCount.$Shape): parley.v1.KeysCount & parley.v1.KeysCount.$Shape;
            static create(properties?: parley.v1.KeysCount.$Properties): parley.v1.KeysCount;
            static encode(message: parley.v1.KeysCount.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.KeysCount & parley.v1.KeysCount.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.KeysCount;
            static toObject(message: parley.v1.KeysCount, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace KeysCount {
            interface $Properties {
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.KeysCount.$Properties;
        }

        interface IPreKeysLow extends parley.v1.PreKeysLow.$Properties {
        }

        class PreKeysLow {
            constructor(properties?: parley.v1.PreKeysLow.$Properties);
            $unknowns?: Uint8Array[];
            oneTimeRemaining: number;
            static create(properties: parley.v1.PreKeysLow.$Shape): parley.v1.PreKeysLow & parley.v1.PreKeysLow.$Shape;
            static create(properties?: parley.v1.PreKeysLow.$Properties): parley.v1.PreKeysLow;
            static encode(message: parley.v1.PreKeysLow.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PreKeysLow & parley.v1.PreKeysLow.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PreKeysLow;
            static toObject(message: parley.v1.PreKeysLow, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PreKeysLow {
            interface $Properties {
                oneTimeRemaining?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PreKeysLow.$Properties;
        }

        interface IDevicesGet extends parley.v1.DevicesGet.$Properties {
        }

        class DevicesGet {
            constructor(properties?: parley.v1.DevicesGet.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            static create(properties: parley.v1.DevicesGet.$Shape): parley.v1.DevicesGet & parley.v1.DevicesGet.$Shape;
            static create(properties?: parley.v1.DevicesGet.$Properties): parley.v1.DevicesGet;
            static encode(message: parley.v1.DevicesGet.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DevicesGet & parley.v1.DevicesGet.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DevicesGet;
            static toObject(message: parley.v1.DevicesGet, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DevicesGet {
            interface $Properties {
                userId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DevicesGet.$Properties;
        }

        interface IDeviceInfo extends parley.v1.DeviceInfo.$Properties {
        }

        class DeviceInfo {
            constructor(properties?: parley.v1.DeviceInfo.$Properties);
            $unknowns?: Uint8Array[];
            deviceId: number;
            registrationId: number;
            createdAt: number;
            approvedBy: number;
            static create(properties: parley.v1.DeviceInfo.$Shape): parley.v1.DeviceInfo & parley.v1.DeviceInfo.$Shape;
            static create(properties?: parley.v1.DeviceInfo.$Properties): parley.v1.DeviceInfo;
            static encode(message: parley.v1.DeviceInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DeviceInfo & parley.v1.DeviceInfo.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DeviceInfo;
            static toObject(message: parley.v1.DeviceInfo, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceInfo {
            interface $Properties {
                deviceId?: (number|null);
                registrationId?: (number|null);
                createdAt?: (number|null);
                approvedBy?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DeviceInfo.$Properties;
        }

        interface IDeviceList extends parley.v1.DeviceList.$Properties {
        }

        class DeviceList {
            constructor(properties?: parley.v1.DeviceList.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            devices: parley.v1.DeviceInfo.$Properties[];
            records: Uint8Array[];
            static create(properties: parley.v1.DeviceList.$Shape): parley.v1.DeviceList & parley.v1.DeviceList.$Shape;
            static create(properties?: parley.v1.DeviceList.$Properties): parley.v1.DeviceList;
            static encode(message: parley.v1.DeviceList.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DeviceList & parley.v1.DeviceList.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DeviceList;
            static toObject(message: parley.v1.DeviceList, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceList {
            interface $Properties {
                userId?: (string|null);
                devices?: (parley.v1.DeviceInfo.$Properties[]|null);
                records?: (Uint8Array[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DeviceList.$Properties;
        }

        interface IDeviceRemove extends parley.v1.DeviceRemove.$Properties {
        }

        class DeviceRemove {
            constructor(properties?: parley.v1.DeviceRemove.$Properties);
            $unknowns?: Uint8Array[];
            deviceId: number;
            static create(properties: parley.v1.DeviceRemove.$Shape): parley.v1.DeviceRemove & parley.v1.DeviceRemove.$Shape;
            static create(properties?: parley.v1.DeviceRemove.$Properties): parley.v1.DeviceRemove;
            static encode(message: parley.v1.DeviceRemove.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DeviceRemove & parley.v1.DeviceRemove.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DeviceRemove;
            static toObject(message: parley.v1.DeviceRemove, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceRemove {
            interface $Properties {
                deviceId?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DeviceRemove.$Properties;
        }

        interface IMediaUploadRequest extends parley.v1.MediaUploadRequest.$Properties {
        }

        class MediaUploadRequest {
            constructor(properties?: parley.v1.MediaUploadRequest.$Properties);
            $unknowns?: Uint8Array[];
            size: number;
            static create(properties: parley.v1.MediaUploadRequest.$Shape): parley.v1.MediaUploadRequest & parley.v1.MediaUploadRequest.$Shape;
            static create(properties?: parley.v1.MediaUploadRequest.$Properties): parley.v1.MediaUploadRequest;
            static encode(message: parley.v1.MediaUploadRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.MediaUploadRequest & parley.v1.MediaUploadRequest.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.MediaUploadRequest;
            static toObject(message: parley.v1.MediaUploadRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace MediaUploadRequest {
            interface $Properties {
                size?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.MediaUploadRequest.$Properties;
        }

        interface IMediaDownloadRequest extends parley.v1.MediaDownloadRequest.$Properties {
        }

        class MediaDownloadRequest {
            constructor(properties?: parley.v1.MediaDownloadRequest.$Properties);
            $unknowns?: Uint8Array[];
            blobId: string;
            static create(properties: parley.v1.MediaDownloadRequest.$Shape): parley.v1.MediaDownloadRequest & parley.v1.MediaDownloadRequest.$Shape;
            static create(properties?: parley.v1.MediaDownloadRequest.$Properties): parley.v1.MediaDownloadRequest;
            static encode(message: parley.v1.MediaDownloadRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.MediaDownloadRequest & parley.v1.MediaDownloadRequest.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.MediaDownloadRequest;
            static toObject(message: parley.v1.MediaDownloadRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace MediaDownloadRequest {
            interface $Properties {
                blobId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.MediaDownloadRequest.$Properties;
        }

        interface IMediaTicket extends parley.v1.MediaTicket.$Properties {
        }

        class MediaTicket {
            constructor(properties?: parley.v1.MediaTicket.$Properties);
            $unknowns?: Uint8Array[];
            blobId: string;
            url: string;
            token: string;
            expiresAt: number;
            maxSize: number;
            deleteToken: string;
            static create(properties: parley.v1.MediaTicket.$Shape): parley.v1.MediaTicket & parley.v1.MediaTicket.$Shape;
            static create(properties?: parley.v1.MediaTicket.$Properties): parley.v1.MediaTicket;
            static encode(message: parley.v1.MediaTicket.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.MediaTicket & parley.v1.MediaTicket.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.MediaTicket;
            static toObject(message: parley.v1.MediaTicket, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace MediaTicket {
            interface $Properties {
                blobId?: (string|null);
                url?: (string|null);
                token?: (string|null);
                expiresAt?: (number|null);
                maxSize?: (number|null);
                deleteToken?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.MediaTicket.$Properties;
        }

        interface IMediaDeleteRequest extends parley.v1.MediaDeleteRequest.$Properties {
        }

        class MediaDeleteRequest {
            constructor(properties?: parley.v1.MediaDeleteRequest.$Properties);
            $unknowns?: Uint8Array[];
            blobId: string;
            deleteToken: string;
            static create(properties: parley.v1.MediaDeleteRequest.$Shape): parley.v1.MediaDeleteRequest & parley.v1.MediaDeleteRequest.$Shape;
            static create(properties?: parley.v1.MediaDeleteRequest.$Properties): parley.v1.MediaDeleteRequest;
            static encode(message: parley.v1.MediaDeleteRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.MediaDeleteRequest & parley.v1.MediaDeleteRequest.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.MediaDeleteRequest;
            static toObject(message: parley.v1.MediaDeleteRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace MediaDeleteRequest {
            interface $Properties {
                blobId?: (string|null);
                deleteToken?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.MediaDeleteRequest.$Properties;
        }

        enum PayloadType {
            PAYLOAD_TYPE_UNSPECIFIED = 0,
            PAYLOAD_TYPE_PLAINTEXT = 1,
            PAYLOAD_TYPE_SIGNAL_MESSAGE = 2,
            PAYLOAD_TYPE_PREKEY_SIGNAL_MESSAGE = 3,
            PAYLOAD_TYPE_SENDER_KEY_MESSAGE = 4,
            PAYLOAD_TYPE_RETRY_REQUEST = 5
        }

        interface IPayload extends parley.v1.Payload.$Properties {
        }

        class Payload {
            constructor(properties?: parley.v1.Payload.$Properties);
            $unknowns?: Uint8Array[];
            type: parley.v1.PayloadType;
            data: Uint8Array;
            static create(properties: parley.v1.Payload.$Shape): parley.v1.Payload & parley.v1.Payload.$Shape;
            static create(properties?: parley.v1.Payload.$Properties): parley.v1.Payload;
            static encode(message: parley.v1.Payload.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Payload & parley.v1.Payload.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Payload;
            static toObject(message: parley.v1.Payload, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Payload {
            interface $Properties {
                type?: (parley.v1.PayloadType|null);
                data?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.Payload.$Properties;
        }

        interface IDeviceCopy extends parley.v1.DeviceCopy.$Properties {
        }

        class DeviceCopy {
            constructor(properties?: parley.v1.DeviceCopy.$Properties);
            $unknowns?: Uint8Array[];
            to?: (parley.v1.Address.$Properties|null);
            registrationId: number;
            payload?: (parley.v1.Payload.$Properties|null);
            static create(properties: parley.v1.DeviceCopy.$Shape): parley.v1.DeviceCopy & parley.v1.DeviceCopy.$Shape;
            static create(properties?: parley.v1.DeviceCopy.$Properties): parley.v1.DeviceCopy;
            static encode(message: parley.v1.DeviceCopy.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DeviceCopy & parley.v1.DeviceCopy.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DeviceCopy;
            static toObject(message: parley.v1.DeviceCopy, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeviceCopy {
            interface $Properties {
                to?: (parley.v1.Address.$Properties|null);
                registrationId?: (number|null);
                payload?: (parley.v1.Payload.$Properties|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DeviceCopy.$Properties;
        }

        interface ISend extends parley.v1.Send.$Properties {
        }

        class Send {
            constructor(properties?: parley.v1.Send.$Properties);
            $unknowns?: Uint8Array[];
            messageId: string;
            userId?: (string|null);
            groupId?: (string|null);
            shared?: (parley.v1.Payload.$Properties|null);
            copies: parley.v1.DeviceCopy.$Properties[];
            skipOwnDevices: boolean;
            noReceipts: boolean;
            direct: boolean;
            attempt: number;
            ackDelivered: boolean;
            destination?: ("userId"|"groupId");
            static create(properties: parley.v1.Send.$Shape): parley.v1.Send & parley.v1.Send.$Shape;
            static create(properties?: parley.v1.Send.$Properties): parley.v1.Send;
            static encode(message: parley.v1.Send.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Send & parley.v1.Send.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Send;
            static toObject(message: parley.v1.Send, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Send {
            interface $Properties {
                messageId?: (string|null);
                userId?: (string|null);
                groupId?: (string|null);
                shared?: (parley.v1.Payload.$Properties|null);
                copies?: (parley.v1.DeviceCopy.$Properties[]|null);
                skipOwnDevices?: (boolean|null);
                noReceipts?: (boolean|null);
                direct?: (boolean|null);
                attempt?: (number|null);
                ackDelivered?: (boolean|null);
                destination?: ("userId"|"groupId");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              messageId?: string|null;
              userId?: string|null;
              groupId?: string|null;
              shared?: parley.v1.Payload.$Shape|null;
              copies?: parley.v1.DeviceCopy.$Shape[]|null;
              skipOwnDevices?: boolean|null;
              noReceipts?: boolean|null;
              direct?: boolean|null;
              attempt?: number|null;
              ackDelivered?: boolean|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ destination?: undefined; userId?: null; groupId?: null }|{ destination?: "userId"; userId: string; groupId?: null }|{ destination?: "groupId"; userId?: null; groupId: string })
            );
        }

        interface ISendAck extends parley.v1.SendAck.$Properties {
        }

        class SendAck {
            constructor(properties?: parley.v1.SendAck.$Properties);
            $unknowns?: Uint8Array[];
            messageId: string;
            serverTime: number;
            recipients: number;
            deliveredAt: number;
            static create(properties: parley.v1.SendAck.$Shape): parley.v1.SendAck & parley.v1.SendAck.$Shape;
            static create(properties?: parley.v1.SendAck.$Properties): parley.v1.SendAck;
            static encode(message: parley.v1.SendAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.SendAck & parley.v1.SendAck.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.SendAck;
            static toObject(message: parley.v1.SendAck, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace SendAck {
            interface $Properties {
                messageId?: (string|null);
                serverTime?: (number|null);
                recipients?: (number|null);
                deliveredAt?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.SendAck.$Properties;
        }

        interface IEnvelope extends parley.v1.Envelope.$Properties {
        }

        class Envelope {
            constructor(properties?: parley.v1.Envelope.$Properties);
            $unknowns?: Uint8Array[];
            id: string;
            sender?: (parley.v1.Address.$Properties|null);
            serverTime: number;
            groupId: string;
            seq: number;
            message?: (parley.v1.Payload.$Properties|null);
            receipt?: (parley.v1.ReceiptEvent.$Properties|null);
            groupRecord?: (parley.v1.GroupRecord.$Properties|null);
            devicesChanged?: (parley.v1.DevicesChanged.$Properties|null);
            conversationUserId: string;
            messageId: string;
            senderKeyDistribution?: (parley.v1.Payload.$Properties|null);
            body?: ("message"|"receipt"|"groupRecord"|"devicesChanged");
            static create(properties: parley.v1.Envelope.$Shape): parley.v1.Envelope & parley.v1.Envelope.$Shape;
            static create(properties?: parley.v1.Envelope.$Properties): parley.v1.Envelope;
            static encode(message: parley.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Envelope & parley.v1.Envelope.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Envelope;
            static toObject(message: parley.v1.Envelope, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Envelope {
            interface $Properties {
                id?: (string|null);
                sender?: (parley.v1.Address.$Properties|null);
                serverTime?: (number|null);
                groupId?: (string|null);
                seq?: (number|null);
                message?: (parley.v1.Payload.$Properties|null);
                receipt?: (parley.v1.ReceiptEvent.$Properties|null);
                groupRecord?: (parley.v1.GroupRecord.$Properties|null);
                devicesChanged?: (parley.v1.DevicesChanged.$Properties|null);
                conversationUserId?: (string|null);
                messageId?: (string|null);
                senderKeyDistribution?: (parley.v1.Payload.$Properties|null);
                body?: ("message"|"receipt"|"groupRecord"|"devicesChanged");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              id?: string|null;
              sender?: parley.v1.Address.$Shape|null;
              serverTime?: number|null;
              groupId?: string|null;
              seq?: number|null;
              message?: parley.v1.Payload.$Shape|null;
              receipt?: parley.v1.ReceiptEvent.$Shape|null;
              groupRecord?: parley.v1.GroupRecord.$Shape|null;
              devicesChanged?: parley.v1.DevicesChanged.$Shape|null;
              conversationUserId?: string|null;
              messageId?: string|null;
              senderKeyDistribution?: parley.v1.Payload.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; message?: null; receipt?: null; groupRecord?: null; devicesChanged?: null }|{ body?: "message"; message: parley.v1.Payload.$Shape; receipt?: null; groupRecord?: null; devicesChanged?: null }|{ body?: "receipt"; message?: null; receipt: parley.v1.ReceiptEvent.$Shape; groupRecord?: null; devicesChanged?: null }|{ body?: "groupRecord"; message?: null; receipt?: null; groupRecord: parley.v1.GroupRecord.$Shape; devicesChanged?: null }|{ body?: "devicesChanged"; message?: null; receipt?: null; groupRecord?: null; devicesChanged: parley.v1.DevicesChanged.$Shape })
            );
        }

        interface IDeliver extends parley.v1.Deliver.$Properties {
        }

        class Deliver {
            constructor(properties?: parley.v1.Deliver.$Properties);
            $unknowns?: Uint8Array[];
            envelopes: parley.v1.Envelope.$Properties[];
            static create(properties: parley.v1.Deliver.$Shape): parley.v1.Deliver & parley.v1.Deliver.$Shape;
            static create(properties?: parley.v1.Deliver.$Properties): parley.v1.Deliver;
            static encode(message: parley.v1.Deliver.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Deliver & parley.v1.Deliver.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Deliver;
            static toObject(message: parley.v1.Deliver, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Deliver {
            interface $Properties {
                envelopes?: (parley.v1.Envelope.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              envelopes?: parley.v1.Envelope.$Shape[]|null;
              $unknowns?: Uint8Array[];
            };
        }

        interface IDeliverAck extends parley.v1.DeliverAck.$Properties {
        }

        class DeliverAck {
            constructor(properties?: parley.v1.DeliverAck.$Properties);
            $unknowns?: Uint8Array[];
            ids: string[];
            static create(properties: parley.v1.DeliverAck.$Shape): parley.v1.DeliverAck & parley.v1.DeliverAck.$Shape;
            static create(properties?: parley.v1.DeliverAck.$Properties): parley.v1.DeliverAck;
            static encode(message: parley.v1.DeliverAck.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DeliverAck & parley.v1.DeliverAck.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DeliverAck;
            static toObject(message: parley.v1.DeliverAck, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DeliverAck {
            interface $Properties {
                ids?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DeliverAck.$Properties;
        }

        interface ISyncComplete extends parley.v1.SyncComplete.$Properties {
        }

        class SyncComplete {
            constructor(properties?: parley.v1.SyncComplete.$Properties);
            $unknowns?: Uint8Array[];
            delivered: number;
            static create(properties: parley.v1.SyncComplete.$Shape): parley.v1.SyncComplete & parley.v1.SyncComplete.$Shape;
            static create(properties?: parley.v1.SyncComplete.$Properties): parley.v1.SyncComplete;
            static encode(message: parley.v1.SyncComplete.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.SyncComplete & parley.v1.SyncComplete.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.SyncComplete;
            static toObject(message: parley.v1.SyncComplete, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace SyncComplete {
            interface $Properties {
                delivered?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.SyncComplete.$Properties;
        }

        interface IDevicesChanged extends parley.v1.DevicesChanged.$Properties {
        }

        class DevicesChanged {
            constructor(properties?: parley.v1.DevicesChanged.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            deviceIds: number[];
            static create(properties: parley.v1.DevicesChanged.$Shape): parley.v1.DevicesChanged & parley.v1.DevicesChanged.$Shape;
            static create(properties?: parley.v1.DevicesChanged.$Properties): parley.v1.DevicesChanged;
            static encode(message: parley.v1.DevicesChanged.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.DevicesChanged & parley.v1.DevicesChanged.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.DevicesChanged;
            static toObject(message: parley.v1.DevicesChanged, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace DevicesChanged {
            interface $Properties {
                userId?: (string|null);
                deviceIds?: (number[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.DevicesChanged.$Properties;
        }

        interface IRetryRequest extends parley.v1.RetryRequest.$Properties {
        }

        class RetryRequest {
            constructor(properties?: parley.v1.RetryRequest.$Properties);
            $unknowns?: Uint8Array[];
            messageId: string;
            attempt: number;
            registrationId: number;
            static create(properties: parley.v1.RetryRequest.$Shape): parley.v1.RetryRequest & parley.v1.RetryRequest.$Shape;
            static create(properties?: parley.v1.RetryRequest.$Properties): parley.v1.RetryRequest;
            static encode(message: parley.v1.RetryRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.RetryRequest & parley.v1.RetryRequest.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.RetryRequest;
            static toObject(message: parley.v1.RetryRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace RetryRequest {
            interface $Properties {
                messageId?: (string|null);
                attempt?: (number|null);
                registrationId?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.RetryRequest.$Properties;
        }

        enum LastSeenVisibility {
            LAST_SEEN_VISIBILITY_UNSPECIFIED = 0,
            LAST_SEEN_VISIBILITY_EVERYONE = 1,
            LAST_SEEN_VISIBILITY_CONTACTS = 2,
            LAST_SEEN_VISIBILITY_NOBODY = 3
        }

        enum GroupAddPolicy {
            GROUP_ADD_POLICY_UNSPECIFIED = 0,
            GROUP_ADD_POLICY_EVERYONE = 1,
            GROUP_ADD_POLICY_CONTACTS = 2,
            GROUP_ADD_POLICY_NOBODY = 3
        }

        interface IPresenceState extends parley.v1.PresenceState.$Properties {
        }

        class PresenceState {
            constructor(properties?: parley.v1.PresenceState.$Properties);
            $unknowns?: Uint8Array[];
            userId: string;
            online: boolean;
            lastSeen: number;
            static create(properties: parley.v1.PresenceState.$Shape): parley.v1.PresenceState & parley.v1.PresenceState.$Shape;
            static create(properties?: parley.v1.PresenceState.$Properties): parley.v1.PresenceState;
            static encode(message: parley.v1.PresenceState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PresenceState & parley.v1.PresenceState.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PresenceState;
            static toObject(message: parley.v1.PresenceState, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PresenceState {
            interface $Properties {
                userId?: (string|null);
                online?: (boolean|null);
                lastSeen?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PresenceState.$Properties;
        }

        interface IPresenceSubscribe extends parley.v1.PresenceSubscribe.$Properties {
        }

        class PresenceSubscribe {
            constructor(properties?: parley.v1.PresenceSubscribe.$Properties);
            $unknowns?: Uint8Array[];
            userIds: string[];
            static create(properties: parley.v1.PresenceSubscribe.$Shape): parley.v1.PresenceSubscribe & parley.v1.PresenceSubscribe.$Shape;
            static create(properties?: parley.v1.PresenceSubscribe.$Properties): parley.v1.PresenceSubscribe;
            static encode(message: parley.v1.PresenceSubscribe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PresenceSubscribe & parley.v1.PresenceSubscribe.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PresenceSubscribe;
            static toObject(message: parley.v1.PresenceSubscribe, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PresenceSubscribe {
            interface $Properties {
                userIds?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PresenceSubscribe.$Properties;
        }

        interface IPresenceSnapshot extends parley.v1.PresenceSnapshot.$Properties {
        }

        class PresenceSnapshot {
            constructor(properties?: parley.v1.PresenceSnapshot.$Properties);
            $unknowns?: Uint8Array[];
            states: parley.v1.PresenceState.$Properties[];
            static create(properties: parley.v1.PresenceSnapshot.$Shape): parley.v1.PresenceSnapshot & parley.v1.PresenceSnapshot.$Shape;
            static create(properties?: parley.v1.PresenceSnapshot.$Properties): parley.v1.PresenceSnapshot;
            static encode(message: parley.v1.PresenceSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PresenceSnapshot & parley.v1.PresenceSnapshot.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PresenceSnapshot;
            static toObject(message: parley.v1.PresenceSnapshot, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PresenceSnapshot {
            interface $Properties {
                states?: (parley.v1.PresenceState.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PresenceSnapshot.$Properties;
        }

        interface IPresenceUnsubscribe extends parley.v1.PresenceUnsubscribe.$Properties {
        }

        class PresenceUnsubscribe {
            constructor(properties?: parley.v1.PresenceUnsubscribe.$Properties);
            $unknowns?: Uint8Array[];
            userIds: string[];
            static create(properties: parley.v1.PresenceUnsubscribe.$Shape): parley.v1.PresenceUnsubscribe & parley.v1.PresenceUnsubscribe.$Shape;
            static create(properties?: parley.v1.PresenceUnsubscribe.$Properties): parley.v1.PresenceUnsubscribe;
            static encode(message: parley.v1.PresenceUnsubscribe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PresenceUnsubscribe & parley.v1.PresenceUnsubscribe.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PresenceUnsubscribe;
            static toObject(message: parley.v1.PresenceUnsubscribe, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PresenceUnsubscribe {
            interface $Properties {
                userIds?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PresenceUnsubscribe.$Properties;
        }

        interface IPresenceChanged extends parley.v1.PresenceChanged.$Properties {
        }

        class PresenceChanged {
            constructor(properties?: parley.v1.PresenceChanged.$Properties);
            $unknowns?: Uint8Array[];
            states: parley.v1.PresenceState.$Properties[];
            static create(properties: parley.v1.PresenceChanged.$Shape): parley.v1.PresenceChanged & parley.v1.PresenceChanged.$Shape;
            static create(properties?: parley.v1.PresenceChanged.$Properties): parley.v1.PresenceChanged;
            static encode(message: parley.v1.PresenceChanged.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.PresenceChanged & parley.v1.PresenceChanged.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.PresenceChanged;
            static toObject(message: parley.v1.PresenceChanged, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace PresenceChanged {
            interface $Properties {
                states?: (parley.v1.PresenceState.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.PresenceChanged.$Properties;
        }

        interface ISetActive extends parley.v1.SetActive.$Properties {
        }

        class SetActive {
            constructor(properties?: parley.v1.SetActive.$Properties);
            $unknowns?: Uint8Array[];
            active: boolean;
            static create(properties: parley.v1.SetActive.$Shape): parley.v1.SetActive & parley.v1.SetActive.$Shape;
            static create(properties?: parley.v1.SetActive.$Properties): parley.v1.SetActive;
            static encode(message: parley.v1.SetActive.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.SetActive & parley.v1.SetActive.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.SetActive;
            static toObject(message: parley.v1.SetActive, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace SetActive {
            interface $Properties {
                active?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.SetActive.$Properties;
        }

        interface ISetPrivacy extends parley.v1.SetPrivacy.$Properties {
        }

        class SetPrivacy {
            constructor(properties?: parley.v1.SetPrivacy.$Properties);
            $unknowns?: Uint8Array[];
            lastSeen: parley.v1.LastSeenVisibility;
            readReceipts?: (boolean|null);
            groupAdd: parley.v1.GroupAddPolicy;
            static create(properties: parley.v1.SetPrivacy.$Shape): parley.v1.SetPrivacy & parley.v1.SetPrivacy.$Shape;
            static create(properties?: parley.v1.SetPrivacy.$Properties): parley.v1.SetPrivacy;
            static encode(message: parley.v1.SetPrivacy.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.SetPrivacy & parley.v1.SetPrivacy.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.SetPrivacy;
            static toObject(message: parley.v1.SetPrivacy, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace SetPrivacy {
            interface $Properties {
                lastSeen?: (parley.v1.LastSeenVisibility|null);
                readReceipts?: (boolean|null);
                groupAdd?: (parley.v1.GroupAddPolicy|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.SetPrivacy.$Properties;
        }

        interface ISetContacts extends parley.v1.SetContacts.$Properties {
        }

        class SetContacts {
            constructor(properties?: parley.v1.SetContacts.$Properties);
            $unknowns?: Uint8Array[];
            userIds: string[];
            static create(properties: parley.v1.SetContacts.$Shape): parley.v1.SetContacts & parley.v1.SetContacts.$Shape;
            static create(properties?: parley.v1.SetContacts.$Properties): parley.v1.SetContacts;
            static encode(message: parley.v1.SetContacts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.SetContacts & parley.v1.SetContacts.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.SetContacts;
            static toObject(message: parley.v1.SetContacts, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace SetContacts {
            interface $Properties {
                userIds?: (string[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.SetContacts.$Properties;
        }

        interface ITyping extends parley.v1.Typing.$Properties {
        }

        class Typing {
            constructor(properties?: parley.v1.Typing.$Properties);
            $unknowns?: Uint8Array[];
            userId?: (string|null);
            groupId?: (string|null);
            typing: boolean;
            chat?: ("userId"|"groupId");
            static create(properties: parley.v1.Typing.$Shape): parley.v1.Typing & parley.v1.Typing.$Shape;
            static create(properties?: parley.v1.Typing.$Properties): parley.v1.Typing;
            static encode(message: parley.v1.Typing.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.Typing & parley.v1.Typing.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.Typing;
            static toObject(message: parley.v1.Typing, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace Typing {
            interface $Properties {
                userId?: (string|null);
                groupId?: (string|null);
                typing?: (boolean|null);
                chat?: ("userId"|"groupId");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              userId?: string|null;
              groupId?: string|null;
              typing?: boolean|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ chat?: undefined; userId?: null; groupId?: null }|{ chat?: "userId"; userId: string; groupId?: null }|{ chat?: "groupId"; userId?: null; groupId: string })
            );
        }

        interface ITypingChanged extends parley.v1.TypingChanged.$Properties {
        }

        class TypingChanged {
            constructor(properties?: parley.v1.TypingChanged.$Properties);
            $unknowns?: Uint8Array[];
            chatId: string;
            userId: string;
            typing: boolean;
            expiresInMs: number;
            static create(properties: parley.v1.TypingChanged.$Shape): parley.v1.TypingChanged & parley.v1.TypingChanged.$Shape;
            static create(properties?: parley.v1.TypingChanged.$Properties): parley.v1.TypingChanged;
            static encode(message: parley.v1.TypingChanged.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.TypingChanged & parley.v1.TypingChanged.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.TypingChanged;
            static toObject(message: parley.v1.TypingChanged, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace TypingChanged {
            interface $Properties {
                chatId?: (string|null);
                userId?: (string|null);
                typing?: (boolean|null);
                expiresInMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.TypingChanged.$Properties;
        }

        interface IRegisterPushToken extends parley.v1.RegisterPushToken.$Properties {
        }

        class RegisterPushToken {
            constructor(properties?: parley.v1.RegisterPushToken.$Properties);
            $unknowns?: Uint8Array[];
            provider: string;
            token: string;
            static create(properties: parley.v1.RegisterPushToken.$Shape): parley.v1.RegisterPushToken & parley.v1.RegisterPushToken.$Shape;
            static create(properties?: parley.v1.RegisterPushToken.$Properties): parley.v1.RegisterPushToken;
            static encode(message: parley.v1.RegisterPushToken.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): parley.v1.RegisterPushToken & parley.v1.RegisterPushToken.$Shape;
            static fromObject(object: { [k: string]: any }): parley.v1.RegisterPushToken;
            static toObject(message: parley.v1.RegisterPushToken, options?: $protobuf.IConversionOptions): { [k: string]: any };
            toJSON(): { [k: string]: any };
            static getTypeUrl(prefix?: string): string;
        }

        namespace RegisterPushToken {
            interface $Properties {
                provider?: (string|null);
                token?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = parley.v1.RegisterPushToken.$Properties;
        }
    }
}
