// @ts-nocheck
/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

if ($protobuf.util.Long) {
    $protobuf.util.Long = undefined;
    $protobuf.configure();
}

const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $Array = $util.global.Array, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean;

const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const parley = $root.parley = (() => {

    const parley = {};

    parley.v1 = (function() {

        const v1 = {};

        v1.GatewayNote = (function() {

            const GatewayNote = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GatewayNote.prototype.version = 0;
            GatewayNote.prototype.gatewayId = "";
            GatewayNote.prototype.nudge = null;
            GatewayNote.prototype.kick = null;
            GatewayNote.prototype.presenceOnline = null;
            GatewayNote.prototype.presenceOffline = null;
            GatewayNote.prototype.presenceHeartbeat = null;
            GatewayNote.prototype.presenceHello = null;
            GatewayNote.prototype.typing = null;

            let $oneOfFields;

            $Object.defineProperty(GatewayNote.prototype, "note", {
                get: $util.oneOfGetter($oneOfFields = ["nudge", "kick", "presenceOnline", "presenceOffline", "presenceHeartbeat", "presenceHello", "typing"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            GatewayNote.create = function(properties) {
                return new GatewayNote(properties);
            };

            GatewayNote.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(8).uint32(message.version);
                if (message.gatewayId != null && $Object.hasOwnProperty.call(message, "gatewayId") && message.gatewayId !== "")
                    writer.uint32(18).string(message.gatewayId);
                if (message.nudge != null && $Object.hasOwnProperty.call(message, "nudge"))
                    $root.parley.v1.QueueNudge.encode(message.nudge, writer.uint32(82).fork(), _depth + 1).ldelim();
                if (message.kick != null && $Object.hasOwnProperty.call(message, "kick"))
                    $root.parley.v1.DeviceKick.encode(message.kick, writer.uint32(90).fork(), _depth + 1).ldelim();
                if (message.presenceOnline != null && $Object.hasOwnProperty.call(message, "presenceOnline"))
                    $root.parley.v1.PresenceOnline.encode(message.presenceOnline, writer.uint32(162).fork(), _depth + 1).ldelim();
                if (message.presenceOffline != null && $Object.hasOwnProperty.call(message, "presenceOffline"))
                    $root.parley.v1.PresenceOffline.encode(message.presenceOffline, writer.uint32(170).fork(), _depth + 1).ldelim();
                if (message.presenceHeartbeat != null && $Object.hasOwnProperty.call(message, "presenceHeartbeat"))
                    $root.parley.v1.PresenceHeartbeat.encode(message.presenceHeartbeat, writer.uint32(178).fork(), _depth + 1).ldelim();
                if (message.presenceHello != null && $Object.hasOwnProperty.call(message, "presenceHello"))
                    $root.parley.v1.PresenceHello.encode(message.presenceHello, writer.uint32(186).fork(), _depth + 1).ldelim();
                if (message.typing != null && $Object.hasOwnProperty.call(message, "typing"))
                    $root.parley.v1.TypingRelay.encode(message.typing, writer.uint32(194).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GatewayNote.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GatewayNote();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.gatewayId = value;
                            else
                                delete message.gatewayId;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.nudge = $root.parley.v1.QueueNudge.decode(reader, reader.size(), $undefined, _depth + 1, message.nudge);
                            message.note = "nudge";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.kick = $root.parley.v1.DeviceKick.decode(reader, reader.size(), $undefined, _depth + 1, message.kick);
                            message.note = "kick";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            message.presenceOnline = $root.parley.v1.PresenceOnline.decode(reader, reader.size(), $undefined, _depth + 1, message.presenceOnline);
                            message.note = "presenceOnline";
                            continue;
                        }
                    case 21: {
                            if (wireType !== 2)
                                break;
                            message.presenceOffline = $root.parley.v1.PresenceOffline.decode(reader, reader.size(), $undefined, _depth + 1, message.presenceOffline);
                            message.note = "presenceOffline";
                            continue;
                        }
                    case 22: {
                            if (wireType !== 2)
                                break;
                            message.presenceHeartbeat = $root.parley.v1.PresenceHeartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.presenceHeartbeat);
                            message.note = "presenceHeartbeat";
                            continue;
                        }
                    case 23: {
                            if (wireType !== 2)
                                break;
                            message.presenceHello = $root.parley.v1.PresenceHello.decode(reader, reader.size(), $undefined, _depth + 1, message.presenceHello);
                            message.note = "presenceHello";
                            continue;
                        }
                    case 24: {
                            if (wireType !== 2)
                                break;
                            message.typing = $root.parley.v1.TypingRelay.decode(reader, reader.size(), $undefined, _depth + 1, message.typing);
                            message.note = "typing";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GatewayNote.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GatewayNote)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GatewayNote: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GatewayNote();
                if (object.version != null)
                    if ($Number(object.version) !== 0)
                        message.version = object.version >>> 0;
                if (object.gatewayId != null)
                    if (typeof object.gatewayId !== "string" || object.gatewayId.length)
                        message.gatewayId = $String(object.gatewayId);
                if (object.nudge != null) {
                    if (!$util.isObject(object.nudge))
                        throw $TypeError(".parley.v1.GatewayNote.nudge: object expected");
                    message.nudge = $root.parley.v1.QueueNudge.fromObject(object.nudge, _depth + 1);
                }
                if (object.kick != null) {
                    if (!$util.isObject(object.kick))
                        throw $TypeError(".parley.v1.GatewayNote.kick: object expected");
                    message.kick = $root.parley.v1.DeviceKick.fromObject(object.kick, _depth + 1);
                }
                if (object.presenceOnline != null) {
                    if (!$util.isObject(object.presenceOnline))
                        throw $TypeError(".parley.v1.GatewayNote.presenceOnline: object expected");
                    message.presenceOnline = $root.parley.v1.PresenceOnline.fromObject(object.presenceOnline, _depth + 1);
                }
                if (object.presenceOffline != null) {
                    if (!$util.isObject(object.presenceOffline))
                        throw $TypeError(".parley.v1.GatewayNote.presenceOffline: object expected");
                    message.presenceOffline = $root.parley.v1.PresenceOffline.fromObject(object.presenceOffline, _depth + 1);
                }
                if (object.presenceHeartbeat != null) {
                    if (!$util.isObject(object.presenceHeartbeat))
                        throw $TypeError(".parley.v1.GatewayNote.presenceHeartbeat: object expected");
                    message.presenceHeartbeat = $root.parley.v1.PresenceHeartbeat.fromObject(object.presenceHeartbeat, _depth + 1);
                }
                if (object.presenceHello != null) {
                    if (!$util.isObject(object.presenceHello))
                        throw $TypeError(".parley.v1.GatewayNote.presenceHello: object expected");
                    message.presenceHello = $root.parley.v1.PresenceHello.fromObject(object.presenceHello, _depth + 1);
                }
                if (object.typing != null) {
                    if (!$util.isObject(object.typing))
                        throw $TypeError(".parley.v1.GatewayNote.typing: object expected");
                    message.typing = $root.parley.v1.TypingRelay.fromObject(object.typing, _depth + 1);
                }
                return message;
            };

            GatewayNote.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.version = 0;
                    object.gatewayId = "";
                }
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.gatewayId != null && $Object.hasOwnProperty.call(message, "gatewayId"))
                    object.gatewayId = message.gatewayId;
                if (message.nudge != null && $Object.hasOwnProperty.call(message, "nudge")) {
                    object.nudge = $root.parley.v1.QueueNudge.toObject(message.nudge, options, _depth + 1);
                    if (options.oneofs)
                        object.note = "nudge";
                }
                if (message.kick != null && $Object.hasOwnProperty.call(message, "kick")) {
                    object.kick = $root.parley.v1.DeviceKick.toObject(message.kick, options, _depth + 1);
                    if (options.oneofs)
                        object.note = "kick";
                }
                if (message.presenceOnline != null && $Object.hasOwnProperty.call(message, "presenceOnline")) {
                    object.presenceOnline = $root.parley.v1.PresenceOnline.toObject(message.presenceOnline, options, _depth + 1);
                    if (options.oneofs)
                        object.note = "presenceOnline";
                }
                if (message.presenceOffline != null && $Object.hasOwnProperty.call(message, "presenceOffline")) {
                    object.presenceOffline = $root.parley.v1.PresenceOffline.toObject(message.presenceOffline, options, _depth + 1);
                    if (options.oneofs)
                        object.note = "presenceOffline";
                }
                if (message.presenceHeartbeat != null && $Object.hasOwnProperty.call(message, "presenceHeartbeat")) {
                    object.presenceHeartbeat = $root.parley.v1.PresenceHeartbeat.toObject(message.presenceHeartbeat, options, _depth + 1);
                    if (options.oneofs)
                        object.note = "presenceHeartbeat";
                }
                if (message.presenceHello != null && $Object.hasOwnProperty.call(message, "presenceHello")) {
                    object.presenceHello = $root.parley.v1.PresenceHello.toObject(message.presenceHello, options, _depth + 1);
                    if (options.oneofs)
                        object.note = "presenceHello";
                }
                if (message.typing != null && $Object.hasOwnProperty.call(message, "typing")) {
                    object.typing = $root.parley.v1.TypingRelay.toObject(message.typing, options, _depth + 1);
                    if (options.oneofs)
                        object.note = "typing";
                }
                return object;
            };

            GatewayNote.prototype.toJSON = function() {
                return GatewayNote.toObject(this, $protobuf.util.toJSONOptions);
            };

            GatewayNote.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GatewayNote";
            };

            return GatewayNote;
        })();

        v1.QueueNudge = (function() {

            const QueueNudge = function (properties) {
                this.entries = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            QueueNudge.prototype.device = null;
            QueueNudge.prototype.entries = $util.emptyArray;

            QueueNudge.create = function(properties) {
                return new QueueNudge(properties);
            };

            QueueNudge.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                    $root.parley.v1.Address.encode(message.device, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.entries != null && message.entries.length)
                    for (let i = 0; i < message.entries.length; ++i)
                        $root.parley.v1.QueuedEntry.encode(message.entries[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            QueueNudge.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.QueueNudge();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.device = $root.parley.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1, message.device);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.entries && message.entries.length))
                                message.entries = [];
                            message.entries.push($root.parley.v1.QueuedEntry.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            QueueNudge.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.QueueNudge)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.QueueNudge: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.QueueNudge();
                if (object.device != null) {
                    if (!$util.isObject(object.device))
                        throw $TypeError(".parley.v1.QueueNudge.device: object expected");
                    message.device = $root.parley.v1.Address.fromObject(object.device, _depth + 1);
                }
                if (object.entries) {
                    if (!$Array.isArray(object.entries))
                        throw $TypeError(".parley.v1.QueueNudge.entries: array expected");
                    message.entries = $Array(object.entries.length);
                    for (let i = 0; i < object.entries.length; ++i) {
                        if (!$util.isObject(object.entries[i]))
                            throw $TypeError(".parley.v1.QueueNudge.entries: object expected");
                        message.entries[i] = $root.parley.v1.QueuedEntry.fromObject(object.entries[i], _depth + 1);
                    }
                }
                return message;
            };

            QueueNudge.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.entries = [];
                if (options.defaults)
                    object.device = null;
                if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                    object.device = $root.parley.v1.Address.toObject(message.device, options, _depth + 1);
                if (message.entries && message.entries.length) {
                    object.entries = $Array(message.entries.length);
                    for (let j = 0; j < message.entries.length; ++j)
                        object.entries[j] = $root.parley.v1.QueuedEntry.toObject(message.entries[j], options, _depth + 1);
                }
                return object;
            };

            QueueNudge.prototype.toJSON = function() {
                return QueueNudge.toObject(this, $protobuf.util.toJSONOptions);
            };

            QueueNudge.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.QueueNudge";
            };

            return QueueNudge;
        })();

        v1.QueuedEntry = (function() {

            const QueuedEntry = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            QueuedEntry.prototype.id = "";
            QueuedEntry.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            QueuedEntry.prototype.data = $util.newBuffer([]);
            QueuedEntry.prototype.storedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            QueuedEntry.prototype.shared = null;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(QueuedEntry.prototype, "_shared", {
                get: $util.oneOfGetter($oneOfFields = ["shared"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            QueuedEntry.create = function(properties) {
                return new QueuedEntry(properties);
            };

            QueuedEntry.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(10).string(message.id);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(16).uint64(message.seq);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(26).bytes(message.data);
                if (message.storedAt != null && $Object.hasOwnProperty.call(message, "storedAt") && (typeof message.storedAt === "object" ? message.storedAt.low || message.storedAt.high : message.storedAt !== 0))
                    writer.uint32(32).uint64(message.storedAt);
                if (message.shared != null && $Object.hasOwnProperty.call(message, "shared"))
                    writer.uint32(42).bytes(message.shared);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            QueuedEntry.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.QueuedEntry();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.storedAt = value;
                            else
                                delete message.storedAt;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.shared = reader.bytes();
                            message._shared = "shared";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            QueuedEntry.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.QueuedEntry)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.QueuedEntry: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.QueuedEntry();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.data != null)
                    if (object.data.length)
                        if (typeof object.data === "string")
                            $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                        else if (object.data.length >= 0)
                            message.data = object.data;
                if (object.storedAt != null)
                    if (typeof object.storedAt === "object" ? object.storedAt.low || object.storedAt.high : $Number(object.storedAt) !== 0)
                        if ($util.Long)
                            message.storedAt = $util.Long.fromValue(object.storedAt, true);
                        else if (typeof object.storedAt === "string")
                            message.storedAt = $parseInt(object.storedAt, 10);
                        else if (typeof object.storedAt === "number")
                            message.storedAt = object.storedAt;
                        else if (typeof object.storedAt === "object")
                            message.storedAt = new $util.LongBits(object.storedAt.low >>> 0, object.storedAt.high >>> 0).toNumber(true);
                if (object.shared != null)
                    if (typeof object.shared === "string")
                        $util.base64.decode(object.shared, message.shared = $util.newBuffer($util.base64.length(object.shared)), 0);
                    else if (object.shared.length >= 0)
                        message.shared = object.shared;
                return message;
            };

            QueuedEntry.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.id = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== $Array)
                            object.data = $util.newBuffer(object.data);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.storedAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.storedAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                if (message.storedAt != null && $Object.hasOwnProperty.call(message, "storedAt"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.storedAt = typeof message.storedAt === "number" ? $BigInt(message.storedAt) : $util.Long.fromBits(message.storedAt.low >>> 0, message.storedAt.high >>> 0, true).toBigInt();
                    else if (typeof message.storedAt === "number")
                        object.storedAt = options.longs === $String ? $String(message.storedAt) : message.storedAt;
                    else
                        object.storedAt = options.longs === $String ? $util.Long.prototype.toString.call(message.storedAt) : options.longs === $Number ? new $util.LongBits(message.storedAt.low >>> 0, message.storedAt.high >>> 0).toNumber(true) : message.storedAt;
                if (message.shared != null && $Object.hasOwnProperty.call(message, "shared"))
                    object.shared = options.bytes === $String ? $util.base64.encode(message.shared, 0, message.shared.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.shared) : message.shared;
                return object;
            };

            QueuedEntry.prototype.toJSON = function() {
                return QueuedEntry.toObject(this, $protobuf.util.toJSONOptions);
            };

            QueuedEntry.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.QueuedEntry";
            };

            return QueuedEntry;
        })();

        v1.DeviceKick = (function() {

            const DeviceKick = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DeviceKick.prototype.device = null;
            DeviceKick.prototype.connectionId = "";

            DeviceKick.create = function(properties) {
                return new DeviceKick(properties);
            };

            DeviceKick.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                    $root.parley.v1.Address.encode(message.device, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.connectionId != null && $Object.hasOwnProperty.call(message, "connectionId") && message.connectionId !== "")
                    writer.uint32(18).string(message.connectionId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DeviceKick.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DeviceKick();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.device = $root.parley.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1, message.device);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.connectionId = value;
                            else
                                delete message.connectionId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DeviceKick.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DeviceKick)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DeviceKick: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DeviceKick();
                if (object.device != null) {
                    if (!$util.isObject(object.device))
                        throw $TypeError(".parley.v1.DeviceKick.device: object expected");
                    message.device = $root.parley.v1.Address.fromObject(object.device, _depth + 1);
                }
                if (object.connectionId != null)
                    if (typeof object.connectionId !== "string" || object.connectionId.length)
                        message.connectionId = $String(object.connectionId);
                return message;
            };

            DeviceKick.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.device = null;
                    object.connectionId = "";
                }
                if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                    object.device = $root.parley.v1.Address.toObject(message.device, options, _depth + 1);
                if (message.connectionId != null && $Object.hasOwnProperty.call(message, "connectionId"))
                    object.connectionId = message.connectionId;
                return object;
            };

            DeviceKick.prototype.toJSON = function() {
                return DeviceKick.toObject(this, $protobuf.util.toJSONOptions);
            };

            DeviceKick.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DeviceKick";
            };

            return DeviceKick;
        })();

        v1.PresenceOnline = (function() {

            const PresenceOnline = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PresenceOnline.prototype.userId = "";

            PresenceOnline.create = function(properties) {
                return new PresenceOnline(properties);
            };

            PresenceOnline.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PresenceOnline.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PresenceOnline();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PresenceOnline.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PresenceOnline)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PresenceOnline: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.PresenceOnline();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                return message;
            };

            PresenceOnline.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.userId = "";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                return object;
            };

            PresenceOnline.prototype.toJSON = function() {
                return PresenceOnline.toObject(this, $protobuf.util.toJSONOptions);
            };

            PresenceOnline.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PresenceOnline";
            };

            return PresenceOnline;
        })();

        v1.PresenceOffline = (function() {

            const PresenceOffline = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PresenceOffline.prototype.userId = "";
            PresenceOffline.prototype.lastSeen = null;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(PresenceOffline.prototype, "_lastSeen", {
                get: $util.oneOfGetter($oneOfFields = ["lastSeen"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            PresenceOffline.create = function(properties) {
                return new PresenceOffline(properties);
            };

            PresenceOffline.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen"))
                    writer.uint32(16).uint64(message.lastSeen);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PresenceOffline.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PresenceOffline();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            message.lastSeen = reader.uint64();
                            message._lastSeen = "lastSeen";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PresenceOffline.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PresenceOffline)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PresenceOffline: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.PresenceOffline();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.lastSeen != null)
                    if ($util.Long)
                        message.lastSeen = $util.Long.fromValue(object.lastSeen, true);
                    else if (typeof object.lastSeen === "string")
                        message.lastSeen = $parseInt(object.lastSeen, 10);
                    else if (typeof object.lastSeen === "number")
                        message.lastSeen = object.lastSeen;
                    else if (typeof object.lastSeen === "object")
                        message.lastSeen = new $util.LongBits(object.lastSeen.low >>> 0, object.lastSeen.high >>> 0).toNumber(true);
                return message;
            };

            PresenceOffline.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.userId = "";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.lastSeen = typeof message.lastSeen === "number" ? $BigInt(message.lastSeen) : $util.Long.fromBits(message.lastSeen.low >>> 0, message.lastSeen.high >>> 0, true).toBigInt();
                    else if (typeof message.lastSeen === "number")
                        object.lastSeen = options.longs === $String ? $String(message.lastSeen) : message.lastSeen;
                    else
                        object.lastSeen = options.longs === $String ? $util.Long.prototype.toString.call(message.lastSeen) : options.longs === $Number ? new $util.LongBits(message.lastSeen.low >>> 0, message.lastSeen.high >>> 0).toNumber(true) : message.lastSeen;
                return object;
            };

            PresenceOffline.prototype.toJSON = function() {
                return PresenceOffline.toObject(this, $protobuf.util.toJSONOptions);
            };

            PresenceOffline.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PresenceOffline";
            };

            return PresenceOffline;
        })();

        v1.PresenceHeartbeat = (function() {

            const PresenceHeartbeat = function (properties) {
                this.userIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PresenceHeartbeat.prototype.userIds = $util.emptyArray;

            PresenceHeartbeat.create = function(properties) {
                return new PresenceHeartbeat(properties);
            };

            PresenceHeartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userIds != null && message.userIds.length)
                    for (let i = 0; i < message.userIds.length; ++i)
                        writer.uint32(10).string(message.userIds[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PresenceHeartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PresenceHeartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.userIds && message.userIds.length))
                                message.userIds = [];
                            message.userIds.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PresenceHeartbeat.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PresenceHeartbeat)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PresenceHeartbeat: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.PresenceHeartbeat();
                if (object.userIds) {
                    if (!$Array.isArray(object.userIds))
                        throw $TypeError(".parley.v1.PresenceHeartbeat.userIds: array expected");
                    message.userIds = $Array(object.userIds.length);
                    for (let i = 0; i < object.userIds.length; ++i)
                        message.userIds[i] = $String(object.userIds[i]);
                }
                return message;
            };

            PresenceHeartbeat.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.userIds = [];
                if (message.userIds && message.userIds.length) {
                    object.userIds = $Array(message.userIds.length);
                    for (let j = 0; j < message.userIds.length; ++j)
                        object.userIds[j] = message.userIds[j];
                }
                return object;
            };

            PresenceHeartbeat.prototype.toJSON = function() {
                return PresenceHeartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            PresenceHeartbeat.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PresenceHeartbeat";
            };

            return PresenceHeartbeat;
        })();

        v1.PresenceHello = (function() {

            const PresenceHello = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PresenceHello.create = function(properties) {
                return new PresenceHello(properties);
            };

            PresenceHello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PresenceHello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PresenceHello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PresenceHello.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PresenceHello)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PresenceHello: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.parley.v1.PresenceHello();
            };

            PresenceHello.toObject = function () {
                return {};
            };

            PresenceHello.prototype.toJSON = function() {
                return PresenceHello.toObject(this, $protobuf.util.toJSONOptions);
            };

            PresenceHello.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PresenceHello";
            };

            return PresenceHello;
        })();

        v1.TypingRelay = (function() {

            const TypingRelay = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            TypingRelay.prototype.userId = "";
            TypingRelay.prototype.peerUserId = "";
            TypingRelay.prototype.typing = false;

            TypingRelay.create = function(properties) {
                return new TypingRelay(properties);
            };

            TypingRelay.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.peerUserId != null && $Object.hasOwnProperty.call(message, "peerUserId") && message.peerUserId !== "")
                    writer.uint32(18).string(message.peerUserId);
                if (message.typing != null && $Object.hasOwnProperty.call(message, "typing") && message.typing !== false)
                    writer.uint32(24).bool(message.typing);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            TypingRelay.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.TypingRelay();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.peerUserId = value;
                            else
                                delete message.peerUserId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.typing = value;
                            else
                                delete message.typing;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            TypingRelay.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.TypingRelay)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.TypingRelay: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.TypingRelay();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.peerUserId != null)
                    if (typeof object.peerUserId !== "string" || object.peerUserId.length)
                        message.peerUserId = $String(object.peerUserId);
                if (object.typing != null)
                    if (object.typing)
                        message.typing = $Boolean(object.typing);
                return message;
            };

            TypingRelay.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.peerUserId = "";
                    object.typing = false;
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.peerUserId != null && $Object.hasOwnProperty.call(message, "peerUserId"))
                    object.peerUserId = message.peerUserId;
                if (message.typing != null && $Object.hasOwnProperty.call(message, "typing"))
                    object.typing = message.typing;
                return object;
            };

            TypingRelay.prototype.toJSON = function() {
                return TypingRelay.toObject(this, $protobuf.util.toJSONOptions);
            };

            TypingRelay.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.TypingRelay";
            };

            return TypingRelay;
        })();

        v1.Address = (function() {

            const Address = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Address.prototype.userId = "";
            Address.prototype.deviceId = 0;

            Address.create = function(properties) {
                return new Address(properties);
            };

            Address.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== 0)
                    writer.uint32(16).uint32(message.deviceId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Address.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Address();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.deviceId = value;
                            else
                                delete message.deviceId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Address.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Address)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Address: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Address();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.deviceId != null)
                    if ($Number(object.deviceId) !== 0)
                        message.deviceId = object.deviceId >>> 0;
                return message;
            };

            Address.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.deviceId = 0;
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    object.deviceId = message.deviceId;
                return object;
            };

            Address.prototype.toJSON = function() {
                return Address.toObject(this, $protobuf.util.toJSONOptions);
            };

            Address.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Address";
            };

            return Address;
        })();

        v1.Hello = (function() {

            const Hello = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Hello.prototype.protocolVersion = 0;
            Hello.prototype.userId = "";
            Hello.prototype.deviceId = 0;
            Hello.prototype.authKey = $util.newBuffer([]);
            Hello.prototype.token = "";
            Hello.prototype.clientInfo = "";
            Hello.prototype.link = null;

            Hello.create = function(properties) {
                return new Hello(properties);
            };

            Hello.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion") && message.protocolVersion !== 0)
                    writer.uint32(8).uint32(message.protocolVersion);
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(18).string(message.userId);
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== 0)
                    writer.uint32(24).uint32(message.deviceId);
                if (message.authKey != null && $Object.hasOwnProperty.call(message, "authKey") && message.authKey.length)
                    writer.uint32(34).bytes(message.authKey);
                if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                    writer.uint32(42).string(message.token);
                if (message.clientInfo != null && $Object.hasOwnProperty.call(message, "clientInfo") && message.clientInfo !== "")
                    writer.uint32(50).string(message.clientInfo);
                if (message.link != null && $Object.hasOwnProperty.call(message, "link"))
                    $root.parley.v1.DeviceLink.encode(message.link, writer.uint32(58).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Hello.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Hello();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.protocolVersion = value;
                            else
                                delete message.protocolVersion;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.deviceId = value;
                            else
                                delete message.deviceId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.authKey = value;
                            else
                                delete message.authKey;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.token = value;
                            else
                                delete message.token;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.clientInfo = value;
                            else
                                delete message.clientInfo;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.link = $root.parley.v1.DeviceLink.decode(reader, reader.size(), $undefined, _depth + 1, message.link);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Hello.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Hello)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Hello: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Hello();
                if (object.protocolVersion != null)
                    if ($Number(object.protocolVersion) !== 0)
                        message.protocolVersion = object.protocolVersion >>> 0;
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.deviceId != null)
                    if ($Number(object.deviceId) !== 0)
                        message.deviceId = object.deviceId >>> 0;
                if (object.authKey != null)
                    if (object.authKey.length)
                        if (typeof object.authKey === "string")
                            $util.base64.decode(object.authKey, message.authKey = $util.newBuffer($util.base64.length(object.authKey)), 0);
                        else if (object.authKey.length >= 0)
                            message.authKey = object.authKey;
                if (object.token != null)
                    if (typeof object.token !== "string" || object.token.length)
                        message.token = $String(object.token);
                if (object.clientInfo != null)
                    if (typeof object.clientInfo !== "string" || object.clientInfo.length)
                        message.clientInfo = $String(object.clientInfo);
                if (object.link != null) {
                    if (!$util.isObject(object.link))
                        throw $TypeError(".parley.v1.Hello.link: object expected");
                    message.link = $root.parley.v1.DeviceLink.fromObject(object.link, _depth + 1);
                }
                return message;
            };

            Hello.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.protocolVersion = 0;
                    object.userId = "";
                    object.deviceId = 0;
                    if (options.bytes === $String)
                        object.authKey = "";
                    else {
                        object.authKey = [];
                        if (options.bytes !== $Array)
                            object.authKey = $util.newBuffer(object.authKey);
                    }
                    object.token = "";
                    object.clientInfo = "";
                    object.link = null;
                }
                if (message.protocolVersion != null && $Object.hasOwnProperty.call(message, "protocolVersion"))
                    object.protocolVersion = message.protocolVersion;
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    object.deviceId = message.deviceId;
                if (message.authKey != null && $Object.hasOwnProperty.call(message, "authKey"))
                    object.authKey = options.bytes === $String ? $util.base64.encode(message.authKey, 0, message.authKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.authKey) : message.authKey;
                if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                    object.token = message.token;
                if (message.clientInfo != null && $Object.hasOwnProperty.call(message, "clientInfo"))
                    object.clientInfo = message.clientInfo;
                if (message.link != null && $Object.hasOwnProperty.call(message, "link"))
                    object.link = $root.parley.v1.DeviceLink.toObject(message.link, options, _depth + 1);
                return object;
            };

            Hello.prototype.toJSON = function() {
                return Hello.toObject(this, $protobuf.util.toJSONOptions);
            };

            Hello.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Hello";
            };

            return Hello;
        })();

        v1.Challenge = (function() {

            const Challenge = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Challenge.prototype.nonce = $util.newBuffer([]);
            Challenge.prototype.serverTime = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            Challenge.create = function(properties) {
                return new Challenge(properties);
            };

            Challenge.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && message.nonce.length)
                    writer.uint32(10).bytes(message.nonce);
                if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime") && (typeof message.serverTime === "object" ? message.serverTime.low || message.serverTime.high : message.serverTime !== 0))
                    writer.uint32(16).uint64(message.serverTime);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Challenge.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Challenge();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.serverTime = value;
                            else
                                delete message.serverTime;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Challenge.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Challenge)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Challenge: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Challenge();
                if (object.nonce != null)
                    if (object.nonce.length)
                        if (typeof object.nonce === "string")
                            $util.base64.decode(object.nonce, message.nonce = $util.newBuffer($util.base64.length(object.nonce)), 0);
                        else if (object.nonce.length >= 0)
                            message.nonce = object.nonce;
                if (object.serverTime != null)
                    if (typeof object.serverTime === "object" ? object.serverTime.low || object.serverTime.high : $Number(object.serverTime) !== 0)
                        if ($util.Long)
                            message.serverTime = $util.Long.fromValue(object.serverTime, true);
                        else if (typeof object.serverTime === "string")
                            message.serverTime = $parseInt(object.serverTime, 10);
                        else if (typeof object.serverTime === "number")
                            message.serverTime = object.serverTime;
                        else if (typeof object.serverTime === "object")
                            message.serverTime = new $util.LongBits(object.serverTime.low >>> 0, object.serverTime.high >>> 0).toNumber(true);
                return message;
            };

            Challenge.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.nonce = "";
                    else {
                        object.nonce = [];
                        if (options.bytes !== $Array)
                            object.nonce = $util.newBuffer(object.nonce);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.serverTime = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.serverTime = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    object.nonce = options.bytes === $String ? $util.base64.encode(message.nonce, 0, message.nonce.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.nonce) : message.nonce;
                if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.serverTime = typeof message.serverTime === "number" ? $BigInt(message.serverTime) : $util.Long.fromBits(message.serverTime.low >>> 0, message.serverTime.high >>> 0, true).toBigInt();
                    else if (typeof message.serverTime === "number")
                        object.serverTime = options.longs === $String ? $String(message.serverTime) : message.serverTime;
                    else
                        object.serverTime = options.longs === $String ? $util.Long.prototype.toString.call(message.serverTime) : options.longs === $Number ? new $util.LongBits(message.serverTime.low >>> 0, message.serverTime.high >>> 0).toNumber(true) : message.serverTime;
                return object;
            };

            Challenge.prototype.toJSON = function() {
                return Challenge.toObject(this, $protobuf.util.toJSONOptions);
            };

            Challenge.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Challenge";
            };

            return Challenge;
        })();

        v1.Auth = (function() {

            const Auth = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Auth.prototype.signature = $util.newBuffer([]);
            Auth.prototype.origin = "";

            Auth.create = function(properties) {
                return new Auth(properties);
            };

            Auth.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(10).bytes(message.signature);
                if (message.origin != null && $Object.hasOwnProperty.call(message, "origin") && message.origin !== "")
                    writer.uint32(18).string(message.origin);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Auth.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Auth();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.origin = value;
                            else
                                delete message.origin;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Auth.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Auth)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Auth: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Auth();
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                if (object.origin != null)
                    if (typeof object.origin !== "string" || object.origin.length)
                        message.origin = $String(object.origin);
                return message;
            };

            Auth.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                    object.origin = "";
                }
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                if (message.origin != null && $Object.hasOwnProperty.call(message, "origin"))
                    object.origin = message.origin;
                return object;
            };

            Auth.prototype.toJSON = function() {
                return Auth.toObject(this, $protobuf.util.toJSONOptions);
            };

            Auth.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Auth";
            };

            return Auth;
        })();

        v1.Welcome = (function() {

            const Welcome = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Welcome.prototype.serverTime = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Welcome.prototype.registered = false;
            Welcome.prototype.heartbeatIntervalMs = 0;
            Welcome.prototype.idleTimeoutMs = 0;
            Welcome.prototype.maxFrameBytes = 0;
            Welcome.prototype.pending = 0;
            Welcome.prototype.deliveryWindow = 0;

            Welcome.create = function(properties) {
                return new Welcome(properties);
            };

            Welcome.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime") && (typeof message.serverTime === "object" ? message.serverTime.low || message.serverTime.high : message.serverTime !== 0))
                    writer.uint32(8).uint64(message.serverTime);
                if (message.registered != null && $Object.hasOwnProperty.call(message, "registered") && message.registered !== false)
                    writer.uint32(16).bool(message.registered);
                if (message.heartbeatIntervalMs != null && $Object.hasOwnProperty.call(message, "heartbeatIntervalMs") && message.heartbeatIntervalMs !== 0)
                    writer.uint32(24).uint32(message.heartbeatIntervalMs);
                if (message.idleTimeoutMs != null && $Object.hasOwnProperty.call(message, "idleTimeoutMs") && message.idleTimeoutMs !== 0)
                    writer.uint32(32).uint32(message.idleTimeoutMs);
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes") && message.maxFrameBytes !== 0)
                    writer.uint32(40).uint32(message.maxFrameBytes);
                if (message.pending != null && $Object.hasOwnProperty.call(message, "pending") && message.pending !== 0)
                    writer.uint32(48).uint32(message.pending);
                if (message.deliveryWindow != null && $Object.hasOwnProperty.call(message, "deliveryWindow") && message.deliveryWindow !== 0)
                    writer.uint32(56).uint32(message.deliveryWindow);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Welcome.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Welcome();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.serverTime = value;
                            else
                                delete message.serverTime;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.registered = value;
                            else
                                delete message.registered;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.heartbeatIntervalMs = value;
                            else
                                delete message.heartbeatIntervalMs;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.idleTimeoutMs = value;
                            else
                                delete message.idleTimeoutMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxFrameBytes = value;
                            else
                                delete message.maxFrameBytes;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.pending = value;
                            else
                                delete message.pending;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.deliveryWindow = value;
                            else
                                delete message.deliveryWindow;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Welcome.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Welcome)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Welcome: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Welcome();
                if (object.serverTime != null)
                    if (typeof object.serverTime === "object" ? object.serverTime.low || object.serverTime.high : $Number(object.serverTime) !== 0)
                        if ($util.Long)
                            message.serverTime = $util.Long.fromValue(object.serverTime, true);
                        else if (typeof object.serverTime === "string")
                            message.serverTime = $parseInt(object.serverTime, 10);
                        else if (typeof object.serverTime === "number")
                            message.serverTime = object.serverTime;
                        else if (typeof object.serverTime === "object")
                            message.serverTime = new $util.LongBits(object.serverTime.low >>> 0, object.serverTime.high >>> 0).toNumber(true);
                if (object.registered != null)
                    if (object.registered)
                        message.registered = $Boolean(object.registered);
                if (object.heartbeatIntervalMs != null)
                    if ($Number(object.heartbeatIntervalMs) !== 0)
                        message.heartbeatIntervalMs = object.heartbeatIntervalMs >>> 0;
                if (object.idleTimeoutMs != null)
                    if ($Number(object.idleTimeoutMs) !== 0)
                        message.idleTimeoutMs = object.idleTimeoutMs >>> 0;
                if (object.maxFrameBytes != null)
                    if ($Number(object.maxFrameBytes) !== 0)
                        message.maxFrameBytes = object.maxFrameBytes >>> 0;
                if (object.pending != null)
                    if ($Number(object.pending) !== 0)
                        message.pending = object.pending >>> 0;
                if (object.deliveryWindow != null)
                    if ($Number(object.deliveryWindow) !== 0)
                        message.deliveryWindow = object.deliveryWindow >>> 0;
                return message;
            };

            Welcome.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.serverTime = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.serverTime = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.registered = false;
                    object.heartbeatIntervalMs = 0;
                    object.idleTimeoutMs = 0;
                    object.maxFrameBytes = 0;
                    object.pending = 0;
                    object.deliveryWindow = 0;
                }
                if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.serverTime = typeof message.serverTime === "number" ? $BigInt(message.serverTime) : $util.Long.fromBits(message.serverTime.low >>> 0, message.serverTime.high >>> 0, true).toBigInt();
                    else if (typeof message.serverTime === "number")
                        object.serverTime = options.longs === $String ? $String(message.serverTime) : message.serverTime;
                    else
                        object.serverTime = options.longs === $String ? $util.Long.prototype.toString.call(message.serverTime) : options.longs === $Number ? new $util.LongBits(message.serverTime.low >>> 0, message.serverTime.high >>> 0).toNumber(true) : message.serverTime;
                if (message.registered != null && $Object.hasOwnProperty.call(message, "registered"))
                    object.registered = message.registered;
                if (message.heartbeatIntervalMs != null && $Object.hasOwnProperty.call(message, "heartbeatIntervalMs"))
                    object.heartbeatIntervalMs = message.heartbeatIntervalMs;
                if (message.idleTimeoutMs != null && $Object.hasOwnProperty.call(message, "idleTimeoutMs"))
                    object.idleTimeoutMs = message.idleTimeoutMs;
                if (message.maxFrameBytes != null && $Object.hasOwnProperty.call(message, "maxFrameBytes"))
                    object.maxFrameBytes = message.maxFrameBytes;
                if (message.pending != null && $Object.hasOwnProperty.call(message, "pending"))
                    object.pending = message.pending;
                if (message.deliveryWindow != null && $Object.hasOwnProperty.call(message, "deliveryWindow"))
                    object.deliveryWindow = message.deliveryWindow;
                return object;
            };

            Welcome.prototype.toJSON = function() {
                return Welcome.toObject(this, $protobuf.util.toJSONOptions);
            };

            Welcome.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Welcome";
            };

            return Welcome;
        })();

        v1.Ping = (function() {

            const Ping = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Ping.prototype.nonce = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            Ping.create = function(properties) {
                return new Ping(properties);
            };

            Ping.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && (typeof message.nonce === "object" ? message.nonce.low || message.nonce.high : message.nonce !== 0))
                    writer.uint32(8).uint64(message.nonce);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Ping.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Ping();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Ping.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Ping)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Ping: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Ping();
                if (object.nonce != null)
                    if (typeof object.nonce === "object" ? object.nonce.low || object.nonce.high : $Number(object.nonce) !== 0)
                        if ($util.Long)
                            message.nonce = $util.Long.fromValue(object.nonce, true);
                        else if (typeof object.nonce === "string")
                            message.nonce = $parseInt(object.nonce, 10);
                        else if (typeof object.nonce === "number")
                            message.nonce = object.nonce;
                        else if (typeof object.nonce === "object")
                            message.nonce = new $util.LongBits(object.nonce.low >>> 0, object.nonce.high >>> 0).toNumber(true);
                return message;
            };

            Ping.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.nonce = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.nonce = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.nonce = typeof message.nonce === "number" ? $BigInt(message.nonce) : $util.Long.fromBits(message.nonce.low >>> 0, message.nonce.high >>> 0, true).toBigInt();
                    else if (typeof message.nonce === "number")
                        object.nonce = options.longs === $String ? $String(message.nonce) : message.nonce;
                    else
                        object.nonce = options.longs === $String ? $util.Long.prototype.toString.call(message.nonce) : options.longs === $Number ? new $util.LongBits(message.nonce.low >>> 0, message.nonce.high >>> 0).toNumber(true) : message.nonce;
                return object;
            };

            Ping.prototype.toJSON = function() {
                return Ping.toObject(this, $protobuf.util.toJSONOptions);
            };

            Ping.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Ping";
            };

            return Ping;
        })();

        v1.Pong = (function() {

            const Pong = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Pong.prototype.nonce = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            Pong.create = function(properties) {
                return new Pong(properties);
            };

            Pong.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce") && (typeof message.nonce === "object" ? message.nonce.low || message.nonce.high : message.nonce !== 0))
                    writer.uint32(8).uint64(message.nonce);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Pong.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Pong();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.nonce = value;
                            else
                                delete message.nonce;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Pong.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Pong)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Pong: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Pong();
                if (object.nonce != null)
                    if (typeof object.nonce === "object" ? object.nonce.low || object.nonce.high : $Number(object.nonce) !== 0)
                        if ($util.Long)
                            message.nonce = $util.Long.fromValue(object.nonce, true);
                        else if (typeof object.nonce === "string")
                            message.nonce = $parseInt(object.nonce, 10);
                        else if (typeof object.nonce === "number")
                            message.nonce = object.nonce;
                        else if (typeof object.nonce === "object")
                            message.nonce = new $util.LongBits(object.nonce.low >>> 0, object.nonce.high >>> 0).toNumber(true);
                return message;
            };

            Pong.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.nonce = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.nonce = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.nonce != null && $Object.hasOwnProperty.call(message, "nonce"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.nonce = typeof message.nonce === "number" ? $BigInt(message.nonce) : $util.Long.fromBits(message.nonce.low >>> 0, message.nonce.high >>> 0, true).toBigInt();
                    else if (typeof message.nonce === "number")
                        object.nonce = options.longs === $String ? $String(message.nonce) : message.nonce;
                    else
                        object.nonce = options.longs === $String ? $util.Long.prototype.toString.call(message.nonce) : options.longs === $Number ? new $util.LongBits(message.nonce.low >>> 0, message.nonce.high >>> 0).toNumber(true) : message.nonce;
                return object;
            };

            Pong.prototype.toJSON = function() {
                return Pong.toObject(this, $protobuf.util.toJSONOptions);
            };

            Pong.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Pong";
            };

            return Pong;
        })();

        v1.CloseReason = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "CLOSE_REASON_UNSPECIFIED"] = 0;
            values[valuesById[1] = "CLOSE_REASON_NORMAL"] = 1;
            values[valuesById[2] = "CLOSE_REASON_PROTOCOL_ERROR"] = 2;
            values[valuesById[3] = "CLOSE_REASON_AUTH_FAILED"] = 3;
            values[valuesById[4] = "CLOSE_REASON_AUTH_TIMEOUT"] = 4;
            values[valuesById[5] = "CLOSE_REASON_IDLE_TIMEOUT"] = 5;
            values[valuesById[6] = "CLOSE_REASON_BACKPRESSURE"] = 6;
            values[valuesById[7] = "CLOSE_REASON_FRAME_TOO_LARGE"] = 7;
            values[valuesById[8] = "CLOSE_REASON_REPLACED"] = 8;
            values[valuesById[9] = "CLOSE_REASON_SERVER_SHUTDOWN"] = 9;
            values[valuesById[10] = "CLOSE_REASON_DEVICE_REVOKED"] = 10;
            values[valuesById[11] = "CLOSE_REASON_RATE_LIMITED"] = 11;
            values[valuesById[12] = "CLOSE_REASON_UNSUPPORTED_VERSION"] = 12;
            values[valuesById[13] = "CLOSE_REASON_UNAVAILABLE"] = 13;
            return values;
        })();

        v1.Goodbye = (function() {

            const Goodbye = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Goodbye.prototype.reason = 0;
            Goodbye.prototype.message = "";
            Goodbye.prototype.reconnectAfterMs = 0;

            Goodbye.create = function(properties) {
                return new Goodbye(properties);
            };

            Goodbye.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason") && message.reason !== 0)
                    writer.uint32(8).int32(message.reason);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(18).string(message.message);
                if (message.reconnectAfterMs != null && $Object.hasOwnProperty.call(message, "reconnectAfterMs") && message.reconnectAfterMs !== 0)
                    writer.uint32(24).uint32(message.reconnectAfterMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Goodbye.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Goodbye();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.reason = value;
                            else
                                delete message.reason;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.reconnectAfterMs = value;
                            else
                                delete message.reconnectAfterMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Goodbye.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Goodbye)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Goodbye: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Goodbye();
                if (object.reason !== 0 && (typeof object.reason !== "string" || $root.parley.v1.CloseReason[object.reason] !== 0))
                    switch (object.reason) {
                    case "CLOSE_REASON_UNSPECIFIED":
                    case 0:
                        message.reason = 0;
                        break;
                    case "CLOSE_REASON_NORMAL":
                    case 1:
                        message.reason = 1;
                        break;
                    case "CLOSE_REASON_PROTOCOL_ERROR":
                    case 2:
                        message.reason = 2;
                        break;
                    case "CLOSE_REASON_AUTH_FAILED":
                    case 3:
                        message.reason = 3;
                        break;
                    case "CLOSE_REASON_AUTH_TIMEOUT":
                    case 4:
                        message.reason = 4;
                        break;
                    case "CLOSE_REASON_IDLE_TIMEOUT":
                    case 5:
                        message.reason = 5;
                        break;
                    case "CLOSE_REASON_BACKPRESSURE":
                    case 6:
                        message.reason = 6;
                        break;
                    case "CLOSE_REASON_FRAME_TOO_LARGE":
                    case 7:
                        message.reason = 7;
                        break;
                    case "CLOSE_REASON_REPLACED":
                    case 8:
                        message.reason = 8;
                        break;
                    case "CLOSE_REASON_SERVER_SHUTDOWN":
                    case 9:
                        message.reason = 9;
                        break;
                    case "CLOSE_REASON_DEVICE_REVOKED":
                    case 10:
                        message.reason = 10;
                        break;
                    case "CLOSE_REASON_RATE_LIMITED":
                    case 11:
                        message.reason = 11;
                        break;
                    case "CLOSE_REASON_UNSUPPORTED_VERSION":
                    case 12:
                        message.reason = 12;
                        break;
                    case "CLOSE_REASON_UNAVAILABLE":
                    case 13:
                        message.reason = 13;
                        break;
                    default:
                        if (typeof object.reason === "number" && (object.reason | 0) === object.reason)
                            message.reason = object.reason;
                    }
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.reconnectAfterMs != null)
                    if ($Number(object.reconnectAfterMs) !== 0)
                        message.reconnectAfterMs = object.reconnectAfterMs >>> 0;
                return message;
            };

            Goodbye.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.reason = options.enums === $String ? "CLOSE_REASON_UNSPECIFIED" : 0;
                    object.message = "";
                    object.reconnectAfterMs = 0;
                }
                if (message.reason != null && $Object.hasOwnProperty.call(message, "reason"))
                    object.reason = options.enums === $String ? $root.parley.v1.CloseReason[message.reason] === $undefined ? message.reason : $root.parley.v1.CloseReason[message.reason] : message.reason;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.reconnectAfterMs != null && $Object.hasOwnProperty.call(message, "reconnectAfterMs"))
                    object.reconnectAfterMs = message.reconnectAfterMs;
                return object;
            };

            Goodbye.prototype.toJSON = function() {
                return Goodbye.toObject(this, $protobuf.util.toJSONOptions);
            };

            Goodbye.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Goodbye";
            };

            return Goodbye;
        })();

        v1.DeviceLink = (function() {

            const DeviceLink = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DeviceLink.prototype.approverDeviceId = 0;
            DeviceLink.prototype.newDeviceId = 0;
            DeviceLink.prototype.newAuthKey = $util.newBuffer([]);
            DeviceLink.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            DeviceLink.prototype.signature = $util.newBuffer([]);

            DeviceLink.create = function(properties) {
                return new DeviceLink(properties);
            };

            DeviceLink.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.approverDeviceId != null && $Object.hasOwnProperty.call(message, "approverDeviceId") && message.approverDeviceId !== 0)
                    writer.uint32(8).uint32(message.approverDeviceId);
                if (message.newDeviceId != null && $Object.hasOwnProperty.call(message, "newDeviceId") && message.newDeviceId !== 0)
                    writer.uint32(16).uint32(message.newDeviceId);
                if (message.newAuthKey != null && $Object.hasOwnProperty.call(message, "newAuthKey") && message.newAuthKey.length)
                    writer.uint32(26).bytes(message.newAuthKey);
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt") && (typeof message.expiresAt === "object" ? message.expiresAt.low || message.expiresAt.high : message.expiresAt !== 0))
                    writer.uint32(32).uint64(message.expiresAt);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(42).bytes(message.signature);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DeviceLink.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DeviceLink();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.approverDeviceId = value;
                            else
                                delete message.approverDeviceId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.newDeviceId = value;
                            else
                                delete message.newDeviceId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.newAuthKey = value;
                            else
                                delete message.newAuthKey;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAt = value;
                            else
                                delete message.expiresAt;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DeviceLink.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DeviceLink)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DeviceLink: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DeviceLink();
                if (object.approverDeviceId != null)
                    if ($Number(object.approverDeviceId) !== 0)
                        message.approverDeviceId = object.approverDeviceId >>> 0;
                if (object.newDeviceId != null)
                    if ($Number(object.newDeviceId) !== 0)
                        message.newDeviceId = object.newDeviceId >>> 0;
                if (object.newAuthKey != null)
                    if (object.newAuthKey.length)
                        if (typeof object.newAuthKey === "string")
                            $util.base64.decode(object.newAuthKey, message.newAuthKey = $util.newBuffer($util.base64.length(object.newAuthKey)), 0);
                        else if (object.newAuthKey.length >= 0)
                            message.newAuthKey = object.newAuthKey;
                if (object.expiresAt != null)
                    if (typeof object.expiresAt === "object" ? object.expiresAt.low || object.expiresAt.high : $Number(object.expiresAt) !== 0)
                        if ($util.Long)
                            message.expiresAt = $util.Long.fromValue(object.expiresAt, true);
                        else if (typeof object.expiresAt === "string")
                            message.expiresAt = $parseInt(object.expiresAt, 10);
                        else if (typeof object.expiresAt === "number")
                            message.expiresAt = object.expiresAt;
                        else if (typeof object.expiresAt === "object")
                            message.expiresAt = new $util.LongBits(object.expiresAt.low >>> 0, object.expiresAt.high >>> 0).toNumber(true);
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                return message;
            };

            DeviceLink.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.approverDeviceId = 0;
                    object.newDeviceId = 0;
                    if (options.bytes === $String)
                        object.newAuthKey = "";
                    else {
                        object.newAuthKey = [];
                        if (options.bytes !== $Array)
                            object.newAuthKey = $util.newBuffer(object.newAuthKey);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.expiresAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.expiresAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                }
                if (message.approverDeviceId != null && $Object.hasOwnProperty.call(message, "approverDeviceId"))
                    object.approverDeviceId = message.approverDeviceId;
                if (message.newDeviceId != null && $Object.hasOwnProperty.call(message, "newDeviceId"))
                    object.newDeviceId = message.newDeviceId;
                if (message.newAuthKey != null && $Object.hasOwnProperty.call(message, "newAuthKey"))
                    object.newAuthKey = options.bytes === $String ? $util.base64.encode(message.newAuthKey, 0, message.newAuthKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.newAuthKey) : message.newAuthKey;
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.expiresAt = typeof message.expiresAt === "number" ? $BigInt(message.expiresAt) : $util.Long.fromBits(message.expiresAt.low >>> 0, message.expiresAt.high >>> 0, true).toBigInt();
                    else if (typeof message.expiresAt === "number")
                        object.expiresAt = options.longs === $String ? $String(message.expiresAt) : message.expiresAt;
                    else
                        object.expiresAt = options.longs === $String ? $util.Long.prototype.toString.call(message.expiresAt) : options.longs === $Number ? new $util.LongBits(message.expiresAt.low >>> 0, message.expiresAt.high >>> 0).toNumber(true) : message.expiresAt;
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                return object;
            };

            DeviceLink.prototype.toJSON = function() {
                return DeviceLink.toObject(this, $protobuf.util.toJSONOptions);
            };

            DeviceLink.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DeviceLink";
            };

            return DeviceLink;
        })();

        v1.Content = (function() {

            const Content = function (properties) {
                this.mentions = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Content.prototype.text = null;
            Content.prototype.media = null;
            Content.prototype.senderKeyDistribution = null;
            Content.prototype.reaction = null;
            Content.prototype.edit = null;
            Content.prototype["delete"] = null;
            Content.prototype.chatSetting = null;
            Content.prototype.groupInvite = null;
            Content.prototype.groupInviteAccept = null;
            Content.prototype.sentAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Content.prototype.toUserId = "";
            Content.prototype.replyTo = "";
            Content.prototype.groupId = "";
            Content.prototype.padding = $util.newBuffer([]);
            Content.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Content.prototype.mentions = $util.emptyArray;
            Content.prototype.forwarded = false;
            Content.prototype.quote = null;
            Content.prototype.expiresInS = 0;

            let $oneOfFields;

            $Object.defineProperty(Content.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["text", "media", "senderKeyDistribution", "reaction", "edit", "delete", "chatSetting", "groupInvite", "groupInviteAccept"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Content.create = function(properties) {
                return new Content(properties);
            };

            Content.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    $root.parley.v1.Text.encode(message.text, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.media != null && $Object.hasOwnProperty.call(message, "media"))
                    $root.parley.v1.Media.encode(message.media, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.senderKeyDistribution != null && $Object.hasOwnProperty.call(message, "senderKeyDistribution"))
                    $root.parley.v1.SenderKeyDistribution.encode(message.senderKeyDistribution, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.reaction != null && $Object.hasOwnProperty.call(message, "reaction"))
                    $root.parley.v1.Reaction.encode(message.reaction, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.edit != null && $Object.hasOwnProperty.call(message, "edit"))
                    $root.parley.v1.Edit.encode(message.edit, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message["delete"] != null && $Object.hasOwnProperty.call(message, "delete"))
                    $root.parley.v1.Delete.encode(message["delete"], writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.chatSetting != null && $Object.hasOwnProperty.call(message, "chatSetting"))
                    $root.parley.v1.ChatSetting.encode(message.chatSetting, writer.uint32(58).fork(), _depth + 1).ldelim();
                if (message.groupInvite != null && $Object.hasOwnProperty.call(message, "groupInvite"))
                    $root.parley.v1.GroupInvite.encode(message.groupInvite, writer.uint32(66).fork(), _depth + 1).ldelim();
                if (message.groupInviteAccept != null && $Object.hasOwnProperty.call(message, "groupInviteAccept"))
                    $root.parley.v1.GroupInviteAccept.encode(message.groupInviteAccept, writer.uint32(74).fork(), _depth + 1).ldelim();
                if (message.sentAt != null && $Object.hasOwnProperty.call(message, "sentAt") && (typeof message.sentAt === "object" ? message.sentAt.low || message.sentAt.high : message.sentAt !== 0))
                    writer.uint32(80).uint64(message.sentAt);
                if (message.toUserId != null && $Object.hasOwnProperty.call(message, "toUserId") && message.toUserId !== "")
                    writer.uint32(90).string(message.toUserId);
                if (message.replyTo != null && $Object.hasOwnProperty.call(message, "replyTo") && message.replyTo !== "")
                    writer.uint32(98).string(message.replyTo);
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== "")
                    writer.uint32(106).string(message.groupId);
                if (message.padding != null && $Object.hasOwnProperty.call(message, "padding") && message.padding.length)
                    writer.uint32(122).bytes(message.padding);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(128).uint64(message.seq);
                if (message.mentions != null && message.mentions.length)
                    for (let i = 0; i < message.mentions.length; ++i)
                        writer.uint32(138).string(message.mentions[i]);
                if (message.forwarded != null && $Object.hasOwnProperty.call(message, "forwarded") && message.forwarded !== false)
                    writer.uint32(144).bool(message.forwarded);
                if (message.quote != null && $Object.hasOwnProperty.call(message, "quote"))
                    $root.parley.v1.Quote.encode(message.quote, writer.uint32(154).fork(), _depth + 1).ldelim();
                if (message.expiresInS != null && $Object.hasOwnProperty.call(message, "expiresInS") && message.expiresInS !== 0)
                    writer.uint32(160).uint32(message.expiresInS);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Content.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Content();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.text = $root.parley.v1.Text.decode(reader, reader.size(), $undefined, _depth + 1, message.text);
                            message.body = "text";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.media = $root.parley.v1.Media.decode(reader, reader.size(), $undefined, _depth + 1, message.media);
                            message.body = "media";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.senderKeyDistribution = $root.parley.v1.SenderKeyDistribution.decode(reader, reader.size(), $undefined, _depth + 1, message.senderKeyDistribution);
                            message.body = "senderKeyDistribution";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.reaction = $root.parley.v1.Reaction.decode(reader, reader.size(), $undefined, _depth + 1, message.reaction);
                            message.body = "reaction";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.edit = $root.parley.v1.Edit.decode(reader, reader.size(), $undefined, _depth + 1, message.edit);
                            message.body = "edit";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message["delete"] = $root.parley.v1.Delete.decode(reader, reader.size(), $undefined, _depth + 1, message["delete"]);
                            message.body = "delete";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.chatSetting = $root.parley.v1.ChatSetting.decode(reader, reader.size(), $undefined, _depth + 1, message.chatSetting);
                            message.body = "chatSetting";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            message.groupInvite = $root.parley.v1.GroupInvite.decode(reader, reader.size(), $undefined, _depth + 1, message.groupInvite);
                            message.body = "groupInvite";
                            continue;
                        }
                    case 9: {
                            if (wireType !== 2)
                                break;
                            message.groupInviteAccept = $root.parley.v1.GroupInviteAccept.decode(reader, reader.size(), $undefined, _depth + 1, message.groupInviteAccept);
                            message.body = "groupInviteAccept";
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.sentAt = value;
                            else
                                delete message.sentAt;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.toUserId = value;
                            else
                                delete message.toUserId;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.replyTo = value;
                            else
                                delete message.replyTo;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.padding = value;
                            else
                                delete message.padding;
                            continue;
                        }
                    case 16: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            if (!(message.mentions && message.mentions.length))
                                message.mentions = [];
                            message.mentions.push(reader.stringVerify());
                            continue;
                        }
                    case 18: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.forwarded = value;
                            else
                                delete message.forwarded;
                            continue;
                        }
                    case 19: {
                            if (wireType !== 2)
                                break;
                            message.quote = $root.parley.v1.Quote.decode(reader, reader.size(), $undefined, _depth + 1, message.quote);
                            continue;
                        }
                    case 20: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.expiresInS = value;
                            else
                                delete message.expiresInS;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Content.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Content)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Content: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Content();
                if (object.text != null) {
                    if (!$util.isObject(object.text))
                        throw $TypeError(".parley.v1.Content.text: object expected");
                    message.text = $root.parley.v1.Text.fromObject(object.text, _depth + 1);
                }
                if (object.media != null) {
                    if (!$util.isObject(object.media))
                        throw $TypeError(".parley.v1.Content.media: object expected");
                    message.media = $root.parley.v1.Media.fromObject(object.media, _depth + 1);
                }
                if (object.senderKeyDistribution != null) {
                    if (!$util.isObject(object.senderKeyDistribution))
                        throw $TypeError(".parley.v1.Content.senderKeyDistribution: object expected");
                    message.senderKeyDistribution = $root.parley.v1.SenderKeyDistribution.fromObject(object.senderKeyDistribution, _depth + 1);
                }
                if (object.reaction != null) {
                    if (!$util.isObject(object.reaction))
                        throw $TypeError(".parley.v1.Content.reaction: object expected");
                    message.reaction = $root.parley.v1.Reaction.fromObject(object.reaction, _depth + 1);
                }
                if (object.edit != null) {
                    if (!$util.isObject(object.edit))
                        throw $TypeError(".parley.v1.Content.edit: object expected");
                    message.edit = $root.parley.v1.Edit.fromObject(object.edit, _depth + 1);
                }
                if (object["delete"] != null) {
                    if (!$util.isObject(object["delete"]))
                        throw $TypeError(".parley.v1.Content.delete: object expected");
                    message["delete"] = $root.parley.v1.Delete.fromObject(object["delete"], _depth + 1);
                }
                if (object.chatSetting != null) {
                    if (!$util.isObject(object.chatSetting))
                        throw $TypeError(".parley.v1.Content.chatSetting: object expected");
                    message.chatSetting = $root.parley.v1.ChatSetting.fromObject(object.chatSetting, _depth + 1);
                }
                if (object.groupInvite != null) {
                    if (!$util.isObject(object.groupInvite))
                        throw $TypeError(".parley.v1.Content.groupInvite: object expected");
                    message.groupInvite = $root.parley.v1.GroupInvite.fromObject(object.groupInvite, _depth + 1);
                }
                if (object.groupInviteAccept != null) {
                    if (!$util.isObject(object.groupInviteAccept))
                        throw $TypeError(".parley.v1.Content.groupInviteAccept: object expected");
                    message.groupInviteAccept = $root.parley.v1.GroupInviteAccept.fromObject(object.groupInviteAccept, _depth + 1);
                }
                if (object.sentAt != null)
                    if (typeof object.sentAt === "object" ? object.sentAt.low || object.sentAt.high : $Number(object.sentAt) !== 0)
                        if ($util.Long)
                            message.sentAt = $util.Long.fromValue(object.sentAt, true);
                        else if (typeof object.sentAt === "string")
                            message.sentAt = $parseInt(object.sentAt, 10);
                        else if (typeof object.sentAt === "number")
                            message.sentAt = object.sentAt;
                        else if (typeof object.sentAt === "object")
                            message.sentAt = new $util.LongBits(object.sentAt.low >>> 0, object.sentAt.high >>> 0).toNumber(true);
                if (object.toUserId != null)
                    if (typeof object.toUserId !== "string" || object.toUserId.length)
                        message.toUserId = $String(object.toUserId);
                if (object.replyTo != null)
                    if (typeof object.replyTo !== "string" || object.replyTo.length)
                        message.replyTo = $String(object.replyTo);
                if (object.groupId != null)
                    if (typeof object.groupId !== "string" || object.groupId.length)
                        message.groupId = $String(object.groupId);
                if (object.padding != null)
                    if (object.padding.length)
                        if (typeof object.padding === "string")
                            $util.base64.decode(object.padding, message.padding = $util.newBuffer($util.base64.length(object.padding)), 0);
                        else if (object.padding.length >= 0)
                            message.padding = object.padding;
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.mentions) {
                    if (!$Array.isArray(object.mentions))
                        throw $TypeError(".parley.v1.Content.mentions: array expected");
                    message.mentions = $Array(object.mentions.length);
                    for (let i = 0; i < object.mentions.length; ++i)
                        message.mentions[i] = $String(object.mentions[i]);
                }
                if (object.forwarded != null)
                    if (object.forwarded)
                        message.forwarded = $Boolean(object.forwarded);
                if (object.quote != null) {
                    if (!$util.isObject(object.quote))
                        throw $TypeError(".parley.v1.Content.quote: object expected");
                    message.quote = $root.parley.v1.Quote.fromObject(object.quote, _depth + 1);
                }
                if (object.expiresInS != null)
                    if ($Number(object.expiresInS) !== 0)
                        message.expiresInS = object.expiresInS >>> 0;
                return message;
            };

            Content.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.mentions = [];
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.sentAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.sentAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.toUserId = "";
                    object.replyTo = "";
                    object.groupId = "";
                    if (options.bytes === $String)
                        object.padding = "";
                    else {
                        object.padding = [];
                        if (options.bytes !== $Array)
                            object.padding = $util.newBuffer(object.padding);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.forwarded = false;
                    object.quote = null;
                    object.expiresInS = 0;
                }
                if (message.text != null && $Object.hasOwnProperty.call(message, "text")) {
                    object.text = $root.parley.v1.Text.toObject(message.text, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "text";
                }
                if (message.media != null && $Object.hasOwnProperty.call(message, "media")) {
                    object.media = $root.parley.v1.Media.toObject(message.media, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "media";
                }
                if (message.senderKeyDistribution != null && $Object.hasOwnProperty.call(message, "senderKeyDistribution")) {
                    object.senderKeyDistribution = $root.parley.v1.SenderKeyDistribution.toObject(message.senderKeyDistribution, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "senderKeyDistribution";
                }
                if (message.reaction != null && $Object.hasOwnProperty.call(message, "reaction")) {
                    object.reaction = $root.parley.v1.Reaction.toObject(message.reaction, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "reaction";
                }
                if (message.edit != null && $Object.hasOwnProperty.call(message, "edit")) {
                    object.edit = $root.parley.v1.Edit.toObject(message.edit, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "edit";
                }
                if (message["delete"] != null && $Object.hasOwnProperty.call(message, "delete")) {
                    object["delete"] = $root.parley.v1.Delete.toObject(message["delete"], options, _depth + 1);
                    if (options.oneofs)
                        object.body = "delete";
                }
                if (message.chatSetting != null && $Object.hasOwnProperty.call(message, "chatSetting")) {
                    object.chatSetting = $root.parley.v1.ChatSetting.toObject(message.chatSetting, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "chatSetting";
                }
                if (message.groupInvite != null && $Object.hasOwnProperty.call(message, "groupInvite")) {
                    object.groupInvite = $root.parley.v1.GroupInvite.toObject(message.groupInvite, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupInvite";
                }
                if (message.groupInviteAccept != null && $Object.hasOwnProperty.call(message, "groupInviteAccept")) {
                    object.groupInviteAccept = $root.parley.v1.GroupInviteAccept.toObject(message.groupInviteAccept, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupInviteAccept";
                }
                if (message.sentAt != null && $Object.hasOwnProperty.call(message, "sentAt"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.sentAt = typeof message.sentAt === "number" ? $BigInt(message.sentAt) : $util.Long.fromBits(message.sentAt.low >>> 0, message.sentAt.high >>> 0, true).toBigInt();
                    else if (typeof message.sentAt === "number")
                        object.sentAt = options.longs === $String ? $String(message.sentAt) : message.sentAt;
                    else
                        object.sentAt = options.longs === $String ? $util.Long.prototype.toString.call(message.sentAt) : options.longs === $Number ? new $util.LongBits(message.sentAt.low >>> 0, message.sentAt.high >>> 0).toNumber(true) : message.sentAt;
                if (message.toUserId != null && $Object.hasOwnProperty.call(message, "toUserId"))
                    object.toUserId = message.toUserId;
                if (message.replyTo != null && $Object.hasOwnProperty.call(message, "replyTo"))
                    object.replyTo = message.replyTo;
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    object.groupId = message.groupId;
                if (message.padding != null && $Object.hasOwnProperty.call(message, "padding"))
                    object.padding = options.bytes === $String ? $util.base64.encode(message.padding, 0, message.padding.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.padding) : message.padding;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.mentions && message.mentions.length) {
                    object.mentions = $Array(message.mentions.length);
                    for (let j = 0; j < message.mentions.length; ++j)
                        object.mentions[j] = message.mentions[j];
                }
                if (message.forwarded != null && $Object.hasOwnProperty.call(message, "forwarded"))
                    object.forwarded = message.forwarded;
                if (message.quote != null && $Object.hasOwnProperty.call(message, "quote"))
                    object.quote = $root.parley.v1.Quote.toObject(message.quote, options, _depth + 1);
                if (message.expiresInS != null && $Object.hasOwnProperty.call(message, "expiresInS"))
                    object.expiresInS = message.expiresInS;
                return object;
            };

            Content.prototype.toJSON = function() {
                return Content.toObject(this, $protobuf.util.toJSONOptions);
            };

            Content.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Content";
            };

            return Content;
        })();

        v1.GroupInvite = (function() {

            const GroupInvite = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupInvite.prototype.groupId = "";
            GroupInvite.prototype.groupName = "";
            GroupInvite.prototype.inviteId = "";
            GroupInvite.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            GroupInvite.create = function(properties) {
                return new GroupInvite(properties);
            };

            GroupInvite.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== "")
                    writer.uint32(10).string(message.groupId);
                if (message.groupName != null && $Object.hasOwnProperty.call(message, "groupName") && message.groupName !== "")
                    writer.uint32(18).string(message.groupName);
                if (message.inviteId != null && $Object.hasOwnProperty.call(message, "inviteId") && message.inviteId !== "")
                    writer.uint32(26).string(message.inviteId);
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt") && (typeof message.expiresAt === "object" ? message.expiresAt.low || message.expiresAt.high : message.expiresAt !== 0))
                    writer.uint32(32).uint64(message.expiresAt);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupInvite.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupInvite();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupName = value;
                            else
                                delete message.groupName;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.inviteId = value;
                            else
                                delete message.inviteId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAt = value;
                            else
                                delete message.expiresAt;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupInvite.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupInvite)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupInvite: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupInvite();
                if (object.groupId != null)
                    if (typeof object.groupId !== "string" || object.groupId.length)
                        message.groupId = $String(object.groupId);
                if (object.groupName != null)
                    if (typeof object.groupName !== "string" || object.groupName.length)
                        message.groupName = $String(object.groupName);
                if (object.inviteId != null)
                    if (typeof object.inviteId !== "string" || object.inviteId.length)
                        message.inviteId = $String(object.inviteId);
                if (object.expiresAt != null)
                    if (typeof object.expiresAt === "object" ? object.expiresAt.low || object.expiresAt.high : $Number(object.expiresAt) !== 0)
                        if ($util.Long)
                            message.expiresAt = $util.Long.fromValue(object.expiresAt, true);
                        else if (typeof object.expiresAt === "string")
                            message.expiresAt = $parseInt(object.expiresAt, 10);
                        else if (typeof object.expiresAt === "number")
                            message.expiresAt = object.expiresAt;
                        else if (typeof object.expiresAt === "object")
                            message.expiresAt = new $util.LongBits(object.expiresAt.low >>> 0, object.expiresAt.high >>> 0).toNumber(true);
                return message;
            };

            GroupInvite.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.groupId = "";
                    object.groupName = "";
                    object.inviteId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.expiresAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.expiresAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    object.groupId = message.groupId;
                if (message.groupName != null && $Object.hasOwnProperty.call(message, "groupName"))
                    object.groupName = message.groupName;
                if (message.inviteId != null && $Object.hasOwnProperty.call(message, "inviteId"))
                    object.inviteId = message.inviteId;
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.expiresAt = typeof message.expiresAt === "number" ? $BigInt(message.expiresAt) : $util.Long.fromBits(message.expiresAt.low >>> 0, message.expiresAt.high >>> 0, true).toBigInt();
                    else if (typeof message.expiresAt === "number")
                        object.expiresAt = options.longs === $String ? $String(message.expiresAt) : message.expiresAt;
                    else
                        object.expiresAt = options.longs === $String ? $util.Long.prototype.toString.call(message.expiresAt) : options.longs === $Number ? new $util.LongBits(message.expiresAt.low >>> 0, message.expiresAt.high >>> 0).toNumber(true) : message.expiresAt;
                return object;
            };

            GroupInvite.prototype.toJSON = function() {
                return GroupInvite.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupInvite.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupInvite";
            };

            return GroupInvite;
        })();

        v1.GroupInviteAccept = (function() {

            const GroupInviteAccept = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupInviteAccept.prototype.inviteId = "";
            GroupInviteAccept.prototype.consent = null;

            GroupInviteAccept.create = function(properties) {
                return new GroupInviteAccept(properties);
            };

            GroupInviteAccept.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.inviteId != null && $Object.hasOwnProperty.call(message, "inviteId") && message.inviteId !== "")
                    writer.uint32(10).string(message.inviteId);
                if (message.consent != null && $Object.hasOwnProperty.call(message, "consent"))
                    $root.parley.v1.GroupJoinConsent.encode(message.consent, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupInviteAccept.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupInviteAccept();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.inviteId = value;
                            else
                                delete message.inviteId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.consent = $root.parley.v1.GroupJoinConsent.decode(reader, reader.size(), $undefined, _depth + 1, message.consent);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupInviteAccept.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupInviteAccept)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupInviteAccept: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupInviteAccept();
                if (object.inviteId != null)
                    if (typeof object.inviteId !== "string" || object.inviteId.length)
                        message.inviteId = $String(object.inviteId);
                if (object.consent != null) {
                    if (!$util.isObject(object.consent))
                        throw $TypeError(".parley.v1.GroupInviteAccept.consent: object expected");
                    message.consent = $root.parley.v1.GroupJoinConsent.fromObject(object.consent, _depth + 1);
                }
                return message;
            };

            GroupInviteAccept.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.inviteId = "";
                    object.consent = null;
                }
                if (message.inviteId != null && $Object.hasOwnProperty.call(message, "inviteId"))
                    object.inviteId = message.inviteId;
                if (message.consent != null && $Object.hasOwnProperty.call(message, "consent"))
                    object.consent = $root.parley.v1.GroupJoinConsent.toObject(message.consent, options, _depth + 1);
                return object;
            };

            GroupInviteAccept.prototype.toJSON = function() {
                return GroupInviteAccept.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupInviteAccept.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupInviteAccept";
            };

            return GroupInviteAccept;
        })();

        v1.Quote = (function() {

            const Quote = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Quote.prototype.userId = "";
            Quote.prototype.text = "";

            Quote.create = function(properties) {
                return new Quote(properties);
            };

            Quote.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(18).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Quote.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Quote();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Quote.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Quote)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Quote: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Quote();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            Quote.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.text = "";
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            Quote.prototype.toJSON = function() {
                return Quote.toObject(this, $protobuf.util.toJSONOptions);
            };

            Quote.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Quote";
            };

            return Quote;
        })();

        v1.Edit = (function() {

            const Edit = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Edit.prototype.messageId = "";
            Edit.prototype.text = "";

            Edit.create = function(properties) {
                return new Edit(properties);
            };

            Edit.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(10).string(message.messageId);
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(18).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Edit.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Edit();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Edit.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Edit)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Edit: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Edit();
                if (object.messageId != null)
                    if (typeof object.messageId !== "string" || object.messageId.length)
                        message.messageId = $String(object.messageId);
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            Edit.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.messageId = "";
                    object.text = "";
                }
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    object.messageId = message.messageId;
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            Edit.prototype.toJSON = function() {
                return Edit.toObject(this, $protobuf.util.toJSONOptions);
            };

            Edit.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Edit";
            };

            return Edit;
        })();

        v1.Delete = (function() {

            const Delete = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Delete.prototype.messageId = "";

            Delete.create = function(properties) {
                return new Delete(properties);
            };

            Delete.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(10).string(message.messageId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Delete.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Delete();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Delete.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Delete)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Delete: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Delete();
                if (object.messageId != null)
                    if (typeof object.messageId !== "string" || object.messageId.length)
                        message.messageId = $String(object.messageId);
                return message;
            };

            Delete.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.messageId = "";
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    object.messageId = message.messageId;
                return object;
            };

            Delete.prototype.toJSON = function() {
                return Delete.toObject(this, $protobuf.util.toJSONOptions);
            };

            Delete.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Delete";
            };

            return Delete;
        })();

        v1.ChatSetting = (function() {

            const ChatSetting = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ChatSetting.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ChatSetting.prototype.disappearingS = 0;

            ChatSetting.create = function(properties) {
                return new ChatSetting(properties);
            };

            ChatSetting.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && (typeof message.version === "object" ? message.version.low || message.version.high : message.version !== 0))
                    writer.uint32(8).uint64(message.version);
                if (message.disappearingS != null && $Object.hasOwnProperty.call(message, "disappearingS") && message.disappearingS !== 0)
                    writer.uint32(16).uint32(message.disappearingS);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ChatSetting.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.ChatSetting();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.disappearingS = value;
                            else
                                delete message.disappearingS;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ChatSetting.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.ChatSetting)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.ChatSetting: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.ChatSetting();
                if (object.version != null)
                    if (typeof object.version === "object" ? object.version.low || object.version.high : $Number(object.version) !== 0)
                        if ($util.Long)
                            message.version = $util.Long.fromValue(object.version, true);
                        else if (typeof object.version === "string")
                            message.version = $parseInt(object.version, 10);
                        else if (typeof object.version === "number")
                            message.version = object.version;
                        else if (typeof object.version === "object")
                            message.version = new $util.LongBits(object.version.low >>> 0, object.version.high >>> 0).toNumber(true);
                if (object.disappearingS != null)
                    if ($Number(object.disappearingS) !== 0)
                        message.disappearingS = object.disappearingS >>> 0;
                return message;
            };

            ChatSetting.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.version = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.version = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.disappearingS = 0;
                }
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.version = typeof message.version === "number" ? $BigInt(message.version) : $util.Long.fromBits(message.version.low >>> 0, message.version.high >>> 0, true).toBigInt();
                    else if (typeof message.version === "number")
                        object.version = options.longs === $String ? $String(message.version) : message.version;
                    else
                        object.version = options.longs === $String ? $util.Long.prototype.toString.call(message.version) : options.longs === $Number ? new $util.LongBits(message.version.low >>> 0, message.version.high >>> 0).toNumber(true) : message.version;
                if (message.disappearingS != null && $Object.hasOwnProperty.call(message, "disappearingS"))
                    object.disappearingS = message.disappearingS;
                return object;
            };

            ChatSetting.prototype.toJSON = function() {
                return ChatSetting.toObject(this, $protobuf.util.toJSONOptions);
            };

            ChatSetting.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.ChatSetting";
            };

            return ChatSetting;
        })();

        v1.Text = (function() {

            const Text = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Text.prototype.text = "";

            Text.create = function(properties) {
                return new Text(properties);
            };

            Text.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                    writer.uint32(10).string(message.text);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Text.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Text();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.text = value;
                            else
                                delete message.text;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Text.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Text)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Text: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Text();
                if (object.text != null)
                    if (typeof object.text !== "string" || object.text.length)
                        message.text = $String(object.text);
                return message;
            };

            Text.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.text = "";
                if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                    object.text = message.text;
                return object;
            };

            Text.prototype.toJSON = function() {
                return Text.toObject(this, $protobuf.util.toJSONOptions);
            };

            Text.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Text";
            };

            return Text;
        })();

        v1.MediaKind = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "MEDIA_KIND_UNSPECIFIED"] = 0;
            values[valuesById[1] = "MEDIA_KIND_IMAGE"] = 1;
            values[valuesById[2] = "MEDIA_KIND_VIDEO"] = 2;
            values[valuesById[3] = "MEDIA_KIND_VOICE"] = 3;
            values[valuesById[4] = "MEDIA_KIND_DOCUMENT"] = 4;
            return values;
        })();

        v1.Media = (function() {

            const Media = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Media.prototype.kind = 0;
            Media.prototype.blobId = "";
            Media.prototype.mediaKey = $util.newBuffer([]);
            Media.prototype.digest = $util.newBuffer([]);
            Media.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Media.prototype.mimeType = "";
            Media.prototype.fileName = "";
            Media.prototype.caption = "";
            Media.prototype.width = 0;
            Media.prototype.height = 0;
            Media.prototype.durationMs = 0;
            Media.prototype.waveform = $util.newBuffer([]);
            Media.prototype.thumbnail = $util.newBuffer([]);

            Media.create = function(properties) {
                return new Media(properties);
            };

            Media.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                    writer.uint32(8).int32(message.kind);
                if (message.blobId != null && $Object.hasOwnProperty.call(message, "blobId") && message.blobId !== "")
                    writer.uint32(18).string(message.blobId);
                if (message.mediaKey != null && $Object.hasOwnProperty.call(message, "mediaKey") && message.mediaKey.length)
                    writer.uint32(26).bytes(message.mediaKey);
                if (message.digest != null && $Object.hasOwnProperty.call(message, "digest") && message.digest.length)
                    writer.uint32(34).bytes(message.digest);
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(40).uint64(message.size);
                if (message.mimeType != null && $Object.hasOwnProperty.call(message, "mimeType") && message.mimeType !== "")
                    writer.uint32(50).string(message.mimeType);
                if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName") && message.fileName !== "")
                    writer.uint32(58).string(message.fileName);
                if (message.caption != null && $Object.hasOwnProperty.call(message, "caption") && message.caption !== "")
                    writer.uint32(66).string(message.caption);
                if (message.width != null && $Object.hasOwnProperty.call(message, "width") && message.width !== 0)
                    writer.uint32(72).uint32(message.width);
                if (message.height != null && $Object.hasOwnProperty.call(message, "height") && message.height !== 0)
                    writer.uint32(80).uint32(message.height);
                if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs") && message.durationMs !== 0)
                    writer.uint32(88).uint32(message.durationMs);
                if (message.waveform != null && $Object.hasOwnProperty.call(message, "waveform") && message.waveform.length)
                    writer.uint32(98).bytes(message.waveform);
                if (message.thumbnail != null && $Object.hasOwnProperty.call(message, "thumbnail") && message.thumbnail.length)
                    writer.uint32(106).bytes(message.thumbnail);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Media.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Media();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.kind = value;
                            else
                                delete message.kind;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.blobId = value;
                            else
                                delete message.blobId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.mediaKey = value;
                            else
                                delete message.mediaKey;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.digest = value;
                            else
                                delete message.digest;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.mimeType = value;
                            else
                                delete message.mimeType;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.fileName = value;
                            else
                                delete message.fileName;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.caption = value;
                            else
                                delete message.caption;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.width = value;
                            else
                                delete message.width;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.height = value;
                            else
                                delete message.height;
                            continue;
                        }
                    case 11: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.durationMs = value;
                            else
                                delete message.durationMs;
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.waveform = value;
                            else
                                delete message.waveform;
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.thumbnail = value;
                            else
                                delete message.thumbnail;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Media.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Media)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Media: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Media();
                if (object.kind !== 0 && (typeof object.kind !== "string" || $root.parley.v1.MediaKind[object.kind] !== 0))
                    switch (object.kind) {
                    case "MEDIA_KIND_UNSPECIFIED":
                    case 0:
                        message.kind = 0;
                        break;
                    case "MEDIA_KIND_IMAGE":
                    case 1:
                        message.kind = 1;
                        break;
                    case "MEDIA_KIND_VIDEO":
                    case 2:
                        message.kind = 2;
                        break;
                    case "MEDIA_KIND_VOICE":
                    case 3:
                        message.kind = 3;
                        break;
                    case "MEDIA_KIND_DOCUMENT":
                    case 4:
                        message.kind = 4;
                        break;
                    default:
                        if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                            message.kind = object.kind;
                    }
                if (object.blobId != null)
                    if (typeof object.blobId !== "string" || object.blobId.length)
                        message.blobId = $String(object.blobId);
                if (object.mediaKey != null)
                    if (object.mediaKey.length)
                        if (typeof object.mediaKey === "string")
                            $util.base64.decode(object.mediaKey, message.mediaKey = $util.newBuffer($util.base64.length(object.mediaKey)), 0);
                        else if (object.mediaKey.length >= 0)
                            message.mediaKey = object.mediaKey;
                if (object.digest != null)
                    if (object.digest.length)
                        if (typeof object.digest === "string")
                            $util.base64.decode(object.digest, message.digest = $util.newBuffer($util.base64.length(object.digest)), 0);
                        else if (object.digest.length >= 0)
                            message.digest = object.digest;
                if (object.size != null)
                    if (typeof object.size === "object" ? object.size.low || object.size.high : $Number(object.size) !== 0)
                        if ($util.Long)
                            message.size = $util.Long.fromValue(object.size, true);
                        else if (typeof object.size === "string")
                            message.size = $parseInt(object.size, 10);
                        else if (typeof object.size === "number")
                            message.size = object.size;
                        else if (typeof object.size === "object")
                            message.size = new $util.LongBits(object.size.low >>> 0, object.size.high >>> 0).toNumber(true);
                if (object.mimeType != null)
                    if (typeof object.mimeType !== "string" || object.mimeType.length)
                        message.mimeType = $String(object.mimeType);
                if (object.fileName != null)
                    if (typeof object.fileName !== "string" || object.fileName.length)
                        message.fileName = $String(object.fileName);
                if (object.caption != null)
                    if (typeof object.caption !== "string" || object.caption.length)
                        message.caption = $String(object.caption);
                if (object.width != null)
                    if ($Number(object.width) !== 0)
                        message.width = object.width >>> 0;
                if (object.height != null)
                    if ($Number(object.height) !== 0)
                        message.height = object.height >>> 0;
                if (object.durationMs != null)
                    if ($Number(object.durationMs) !== 0)
                        message.durationMs = object.durationMs >>> 0;
                if (object.waveform != null)
                    if (object.waveform.length)
                        if (typeof object.waveform === "string")
                            $util.base64.decode(object.waveform, message.waveform = $util.newBuffer($util.base64.length(object.waveform)), 0);
                        else if (object.waveform.length >= 0)
                            message.waveform = object.waveform;
                if (object.thumbnail != null)
                    if (object.thumbnail.length)
                        if (typeof object.thumbnail === "string")
                            $util.base64.decode(object.thumbnail, message.thumbnail = $util.newBuffer($util.base64.length(object.thumbnail)), 0);
                        else if (object.thumbnail.length >= 0)
                            message.thumbnail = object.thumbnail;
                return message;
            };

            Media.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.kind = options.enums === $String ? "MEDIA_KIND_UNSPECIFIED" : 0;
                    object.blobId = "";
                    if (options.bytes === $String)
                        object.mediaKey = "";
                    else {
                        object.mediaKey = [];
                        if (options.bytes !== $Array)
                            object.mediaKey = $util.newBuffer(object.mediaKey);
                    }
                    if (options.bytes === $String)
                        object.digest = "";
                    else {
                        object.digest = [];
                        if (options.bytes !== $Array)
                            object.digest = $util.newBuffer(object.digest);
                    }
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.size = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.size = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.mimeType = "";
                    object.fileName = "";
                    object.caption = "";
                    object.width = 0;
                    object.height = 0;
                    object.durationMs = 0;
                    if (options.bytes === $String)
                        object.waveform = "";
                    else {
                        object.waveform = [];
                        if (options.bytes !== $Array)
                            object.waveform = $util.newBuffer(object.waveform);
                    }
                    if (options.bytes === $String)
                        object.thumbnail = "";
                    else {
                        object.thumbnail = [];
                        if (options.bytes !== $Array)
                            object.thumbnail = $util.newBuffer(object.thumbnail);
                    }
                }
                if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                    object.kind = options.enums === $String ? $root.parley.v1.MediaKind[message.kind] === $undefined ? message.kind : $root.parley.v1.MediaKind[message.kind] : message.kind;
                if (message.blobId != null && $Object.hasOwnProperty.call(message, "blobId"))
                    object.blobId = message.blobId;
                if (message.mediaKey != null && $Object.hasOwnProperty.call(message, "mediaKey"))
                    object.mediaKey = options.bytes === $String ? $util.base64.encode(message.mediaKey, 0, message.mediaKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.mediaKey) : message.mediaKey;
                if (message.digest != null && $Object.hasOwnProperty.call(message, "digest"))
                    object.digest = options.bytes === $String ? $util.base64.encode(message.digest, 0, message.digest.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.digest) : message.digest;
                if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.size = typeof message.size === "number" ? $BigInt(message.size) : $util.Long.fromBits(message.size.low >>> 0, message.size.high >>> 0, true).toBigInt();
                    else if (typeof message.size === "number")
                        object.size = options.longs === $String ? $String(message.size) : message.size;
                    else
                        object.size = options.longs === $String ? $util.Long.prototype.toString.call(message.size) : options.longs === $Number ? new $util.LongBits(message.size.low >>> 0, message.size.high >>> 0).toNumber(true) : message.size;
                if (message.mimeType != null && $Object.hasOwnProperty.call(message, "mimeType"))
                    object.mimeType = message.mimeType;
                if (message.fileName != null && $Object.hasOwnProperty.call(message, "fileName"))
                    object.fileName = message.fileName;
                if (message.caption != null && $Object.hasOwnProperty.call(message, "caption"))
                    object.caption = message.caption;
                if (message.width != null && $Object.hasOwnProperty.call(message, "width"))
                    object.width = message.width;
                if (message.height != null && $Object.hasOwnProperty.call(message, "height"))
                    object.height = message.height;
                if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs"))
                    object.durationMs = message.durationMs;
                if (message.waveform != null && $Object.hasOwnProperty.call(message, "waveform"))
                    object.waveform = options.bytes === $String ? $util.base64.encode(message.waveform, 0, message.waveform.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.waveform) : message.waveform;
                if (message.thumbnail != null && $Object.hasOwnProperty.call(message, "thumbnail"))
                    object.thumbnail = options.bytes === $String ? $util.base64.encode(message.thumbnail, 0, message.thumbnail.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.thumbnail) : message.thumbnail;
                return object;
            };

            Media.prototype.toJSON = function() {
                return Media.toObject(this, $protobuf.util.toJSONOptions);
            };

            Media.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Media";
            };

            return Media;
        })();

        v1.SenderKeyDistribution = (function() {

            const SenderKeyDistribution = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SenderKeyDistribution.prototype.groupId = "";
            SenderKeyDistribution.prototype.message = $util.newBuffer([]);

            SenderKeyDistribution.create = function(properties) {
                return new SenderKeyDistribution(properties);
            };

            SenderKeyDistribution.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== "")
                    writer.uint32(10).string(message.groupId);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message.length)
                    writer.uint32(18).bytes(message.message);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SenderKeyDistribution.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.SenderKeyDistribution();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SenderKeyDistribution.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.SenderKeyDistribution)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.SenderKeyDistribution: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.SenderKeyDistribution();
                if (object.groupId != null)
                    if (typeof object.groupId !== "string" || object.groupId.length)
                        message.groupId = $String(object.groupId);
                if (object.message != null)
                    if (object.message.length)
                        if (typeof object.message === "string")
                            $util.base64.decode(object.message, message.message = $util.newBuffer($util.base64.length(object.message)), 0);
                        else if (object.message.length >= 0)
                            message.message = object.message;
                return message;
            };

            SenderKeyDistribution.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.groupId = "";
                    if (options.bytes === $String)
                        object.message = "";
                    else {
                        object.message = [];
                        if (options.bytes !== $Array)
                            object.message = $util.newBuffer(object.message);
                    }
                }
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    object.groupId = message.groupId;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = options.bytes === $String ? $util.base64.encode(message.message, 0, message.message.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.message) : message.message;
                return object;
            };

            SenderKeyDistribution.prototype.toJSON = function() {
                return SenderKeyDistribution.toObject(this, $protobuf.util.toJSONOptions);
            };

            SenderKeyDistribution.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.SenderKeyDistribution";
            };

            return SenderKeyDistribution;
        })();

        v1.Reaction = (function() {

            const Reaction = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Reaction.prototype.messageId = "";
            Reaction.prototype.emoji = "";

            Reaction.create = function(properties) {
                return new Reaction(properties);
            };

            Reaction.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(10).string(message.messageId);
                if (message.emoji != null && $Object.hasOwnProperty.call(message, "emoji") && message.emoji !== "")
                    writer.uint32(18).string(message.emoji);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Reaction.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Reaction();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.emoji = value;
                            else
                                delete message.emoji;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Reaction.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Reaction)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Reaction: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Reaction();
                if (object.messageId != null)
                    if (typeof object.messageId !== "string" || object.messageId.length)
                        message.messageId = $String(object.messageId);
                if (object.emoji != null)
                    if (typeof object.emoji !== "string" || object.emoji.length)
                        message.emoji = $String(object.emoji);
                return message;
            };

            Reaction.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.messageId = "";
                    object.emoji = "";
                }
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    object.messageId = message.messageId;
                if (message.emoji != null && $Object.hasOwnProperty.call(message, "emoji"))
                    object.emoji = message.emoji;
                return object;
            };

            Reaction.prototype.toJSON = function() {
                return Reaction.toObject(this, $protobuf.util.toJSONOptions);
            };

            Reaction.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Reaction";
            };

            return Reaction;
        })();

        v1.GroupRole = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "GROUP_ROLE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "GROUP_ROLE_MEMBER"] = 1;
            values[valuesById[2] = "GROUP_ROLE_ADMIN"] = 2;
            return values;
        })();

        v1.GroupMember = (function() {

            const GroupMember = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupMember.prototype.userId = "";
            GroupMember.prototype.role = 0;

            GroupMember.create = function(properties) {
                return new GroupMember(properties);
            };

            GroupMember.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.role != null && $Object.hasOwnProperty.call(message, "role") && message.role !== 0)
                    writer.uint32(16).int32(message.role);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupMember.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupMember();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.role = value;
                            else
                                delete message.role;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupMember.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupMember)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupMember: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupMember();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.role !== 0 && (typeof object.role !== "string" || $root.parley.v1.GroupRole[object.role] !== 0))
                    switch (object.role) {
                    case "GROUP_ROLE_UNSPECIFIED":
                    case 0:
                        message.role = 0;
                        break;
                    case "GROUP_ROLE_MEMBER":
                    case 1:
                        message.role = 1;
                        break;
                    case "GROUP_ROLE_ADMIN":
                    case 2:
                        message.role = 2;
                        break;
                    default:
                        if (typeof object.role === "number" && (object.role | 0) === object.role)
                            message.role = object.role;
                    }
                return message;
            };

            GroupMember.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.role = options.enums === $String ? "GROUP_ROLE_UNSPECIFIED" : 0;
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.role != null && $Object.hasOwnProperty.call(message, "role"))
                    object.role = options.enums === $String ? $root.parley.v1.GroupRole[message.role] === $undefined ? message.role : $root.parley.v1.GroupRole[message.role] : message.role;
                return object;
            };

            GroupMember.prototype.toJSON = function() {
                return GroupMember.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupMember.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupMember";
            };

            return GroupMember;
        })();

        v1.GroupRecord = (function() {

            const GroupRecord = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupRecord.prototype.groupId = "";
            GroupRecord.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            GroupRecord.prototype.prevHash = $util.newBuffer([]);
            GroupRecord.prototype.actor = null;
            GroupRecord.prototype.at = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            GroupRecord.prototype.create = null;
            GroupRecord.prototype.rename = null;
            GroupRecord.prototype.add = null;
            GroupRecord.prototype.remove = null;
            GroupRecord.prototype.promote = null;
            GroupRecord.prototype.demote = null;
            GroupRecord.prototype.leave = null;
            GroupRecord.prototype.describe = null;
            GroupRecord.prototype.disappearing = null;
            GroupRecord.prototype.actorIdentityKey = $util.newBuffer([]);
            GroupRecord.prototype.signature = $util.newBuffer([]);

            let $oneOfFields;

            $Object.defineProperty(GroupRecord.prototype, "action", {
                get: $util.oneOfGetter($oneOfFields = ["create", "rename", "add", "remove", "promote", "demote", "leave", "describe", "disappearing"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            GroupRecord.create = function(properties) {
                return new GroupRecord(properties);
            };

            GroupRecord.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== "")
                    writer.uint32(10).string(message.groupId);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && (typeof message.version === "object" ? message.version.low || message.version.high : message.version !== 0))
                    writer.uint32(16).uint64(message.version);
                if (message.prevHash != null && $Object.hasOwnProperty.call(message, "prevHash") && message.prevHash.length)
                    writer.uint32(26).bytes(message.prevHash);
                if (message.actor != null && $Object.hasOwnProperty.call(message, "actor"))
                    $root.parley.v1.Address.encode(message.actor, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.at != null && $Object.hasOwnProperty.call(message, "at") && (typeof message.at === "object" ? message.at.low || message.at.high : message.at !== 0))
                    writer.uint32(40).uint64(message.at);
                if (message.create != null && $Object.hasOwnProperty.call(message, "create"))
                    $root.parley.v1.GroupCreate.encode(message.create, writer.uint32(82).fork(), _depth + 1).ldelim();
                if (message.rename != null && $Object.hasOwnProperty.call(message, "rename"))
                    $root.parley.v1.GroupRename.encode(message.rename, writer.uint32(90).fork(), _depth + 1).ldelim();
                if (message.add != null && $Object.hasOwnProperty.call(message, "add"))
                    $root.parley.v1.GroupMembers.encode(message.add, writer.uint32(98).fork(), _depth + 1).ldelim();
                if (message.remove != null && $Object.hasOwnProperty.call(message, "remove"))
                    $root.parley.v1.GroupMembers.encode(message.remove, writer.uint32(106).fork(), _depth + 1).ldelim();
                if (message.promote != null && $Object.hasOwnProperty.call(message, "promote"))
                    $root.parley.v1.GroupMembers.encode(message.promote, writer.uint32(114).fork(), _depth + 1).ldelim();
                if (message.demote != null && $Object.hasOwnProperty.call(message, "demote"))
                    $root.parley.v1.GroupMembers.encode(message.demote, writer.uint32(122).fork(), _depth + 1).ldelim();
                if (message.leave != null && $Object.hasOwnProperty.call(message, "leave"))
                    $root.parley.v1.GroupLeave.encode(message.leave, writer.uint32(130).fork(), _depth + 1).ldelim();
                if (message.describe != null && $Object.hasOwnProperty.call(message, "describe"))
                    $root.parley.v1.GroupDescribe.encode(message.describe, writer.uint32(138).fork(), _depth + 1).ldelim();
                if (message.disappearing != null && $Object.hasOwnProperty.call(message, "disappearing"))
                    $root.parley.v1.GroupDisappearing.encode(message.disappearing, writer.uint32(146).fork(), _depth + 1).ldelim();
                if (message.actorIdentityKey != null && $Object.hasOwnProperty.call(message, "actorIdentityKey") && message.actorIdentityKey.length)
                    writer.uint32(162).bytes(message.actorIdentityKey);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(170).bytes(message.signature);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupRecord.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupRecord();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.prevHash = value;
                            else
                                delete message.prevHash;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.actor = $root.parley.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1, message.actor);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.at = value;
                            else
                                delete message.at;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.create = $root.parley.v1.GroupCreate.decode(reader, reader.size(), $undefined, _depth + 1, message.create);
                            message.action = "create";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.rename = $root.parley.v1.GroupRename.decode(reader, reader.size(), $undefined, _depth + 1, message.rename);
                            message.action = "rename";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.add = $root.parley.v1.GroupMembers.decode(reader, reader.size(), $undefined, _depth + 1, message.add);
                            message.action = "add";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.remove = $root.parley.v1.GroupMembers.decode(reader, reader.size(), $undefined, _depth + 1, message.remove);
                            message.action = "remove";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.promote = $root.parley.v1.GroupMembers.decode(reader, reader.size(), $undefined, _depth + 1, message.promote);
                            message.action = "promote";
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            message.demote = $root.parley.v1.GroupMembers.decode(reader, reader.size(), $undefined, _depth + 1, message.demote);
                            message.action = "demote";
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.leave = $root.parley.v1.GroupLeave.decode(reader, reader.size(), $undefined, _depth + 1, message.leave);
                            message.action = "leave";
                            continue;
                        }
                    case 17: {
                            if (wireType !== 2)
                                break;
                            message.describe = $root.parley.v1.GroupDescribe.decode(reader, reader.size(), $undefined, _depth + 1, message.describe);
                            message.action = "describe";
                            continue;
                        }
                    case 18: {
                            if (wireType !== 2)
                                break;
                            message.disappearing = $root.parley.v1.GroupDisappearing.decode(reader, reader.size(), $undefined, _depth + 1, message.disappearing);
                            message.action = "disappearing";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.actorIdentityKey = value;
                            else
                                delete message.actorIdentityKey;
                            continue;
                        }
                    case 21: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupRecord.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupRecord)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupRecord: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupRecord();
                if (object.groupId != null)
                    if (typeof object.groupId !== "string" || object.groupId.length)
                        message.groupId = $String(object.groupId);
                if (object.version != null)
                    if (typeof object.version === "object" ? object.version.low || object.version.high : $Number(object.version) !== 0)
                        if ($util.Long)
                            message.version = $util.Long.fromValue(object.version, true);
                        else if (typeof object.version === "string")
                            message.version = $parseInt(object.version, 10);
                        else if (typeof object.version === "number")
                            message.version = object.version;
                        else if (typeof object.version === "object")
                            message.version = new $util.LongBits(object.version.low >>> 0, object.version.high >>> 0).toNumber(true);
                if (object.prevHash != null)
                    if (object.prevHash.length)
                        if (typeof object.prevHash === "string")
                            $util.base64.decode(object.prevHash, message.prevHash = $util.newBuffer($util.base64.length(object.prevHash)), 0);
                        else if (object.prevHash.length >= 0)
                            message.prevHash = object.prevHash;
                if (object.actor != null) {
                    if (!$util.isObject(object.actor))
                        throw $TypeError(".parley.v1.GroupRecord.actor: object expected");
                    message.actor = $root.parley.v1.Address.fromObject(object.actor, _depth + 1);
                }
                if (object.at != null)
                    if (typeof object.at === "object" ? object.at.low || object.at.high : $Number(object.at) !== 0)
                        if ($util.Long)
                            message.at = $util.Long.fromValue(object.at, true);
                        else if (typeof object.at === "string")
                            message.at = $parseInt(object.at, 10);
                        else if (typeof object.at === "number")
                            message.at = object.at;
                        else if (typeof object.at === "object")
                            message.at = new $util.LongBits(object.at.low >>> 0, object.at.high >>> 0).toNumber(true);
                if (object.create != null) {
                    if (!$util.isObject(object.create))
                        throw $TypeError(".parley.v1.GroupRecord.create: object expected");
                    message.create = $root.parley.v1.GroupCreate.fromObject(object.create, _depth + 1);
                }
                if (object.rename != null) {
                    if (!$util.isObject(object.rename))
                        throw $TypeError(".parley.v1.GroupRecord.rename: object expected");
                    message.rename = $root.parley.v1.GroupRename.fromObject(object.rename, _depth + 1);
                }
                if (object.add != null) {
                    if (!$util.isObject(object.add))
                        throw $TypeError(".parley.v1.GroupRecord.add: object expected");
                    message.add = $root.parley.v1.GroupMembers.fromObject(object.add, _depth + 1);
                }
                if (object.remove != null) {
                    if (!$util.isObject(object.remove))
                        throw $TypeError(".parley.v1.GroupRecord.remove: object expected");
                    message.remove = $root.parley.v1.GroupMembers.fromObject(object.remove, _depth + 1);
                }
                if (object.promote != null) {
                    if (!$util.isObject(object.promote))
                        throw $TypeError(".parley.v1.GroupRecord.promote: object expected");
                    message.promote = $root.parley.v1.GroupMembers.fromObject(object.promote, _depth + 1);
                }
                if (object.demote != null) {
                    if (!$util.isObject(object.demote))
                        throw $TypeError(".parley.v1.GroupRecord.demote: object expected");
                    message.demote = $root.parley.v1.GroupMembers.fromObject(object.demote, _depth + 1);
                }
                if (object.leave != null) {
                    if (!$util.isObject(object.leave))
                        throw $TypeError(".parley.v1.GroupRecord.leave: object expected");
                    message.leave = $root.parley.v1.GroupLeave.fromObject(object.leave, _depth + 1);
                }
                if (object.describe != null) {
                    if (!$util.isObject(object.describe))
                        throw $TypeError(".parley.v1.GroupRecord.describe: object expected");
                    message.describe = $root.parley.v1.GroupDescribe.fromObject(object.describe, _depth + 1);
                }
                if (object.disappearing != null) {
                    if (!$util.isObject(object.disappearing))
                        throw $TypeError(".parley.v1.GroupRecord.disappearing: object expected");
                    message.disappearing = $root.parley.v1.GroupDisappearing.fromObject(object.disappearing, _depth + 1);
                }
                if (object.actorIdentityKey != null)
                    if (object.actorIdentityKey.length)
                        if (typeof object.actorIdentityKey === "string")
                            $util.base64.decode(object.actorIdentityKey, message.actorIdentityKey = $util.newBuffer($util.base64.length(object.actorIdentityKey)), 0);
                        else if (object.actorIdentityKey.length >= 0)
                            message.actorIdentityKey = object.actorIdentityKey;
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                return message;
            };

            GroupRecord.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.groupId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.version = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.version = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.prevHash = "";
                    else {
                        object.prevHash = [];
                        if (options.bytes !== $Array)
                            object.prevHash = $util.newBuffer(object.prevHash);
                    }
                    object.actor = null;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.at = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.at = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.actorIdentityKey = "";
                    else {
                        object.actorIdentityKey = [];
                        if (options.bytes !== $Array)
                            object.actorIdentityKey = $util.newBuffer(object.actorIdentityKey);
                    }
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                }
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    object.groupId = message.groupId;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.version = typeof message.version === "number" ? $BigInt(message.version) : $util.Long.fromBits(message.version.low >>> 0, message.version.high >>> 0, true).toBigInt();
                    else if (typeof message.version === "number")
                        object.version = options.longs === $String ? $String(message.version) : message.version;
                    else
                        object.version = options.longs === $String ? $util.Long.prototype.toString.call(message.version) : options.longs === $Number ? new $util.LongBits(message.version.low >>> 0, message.version.high >>> 0).toNumber(true) : message.version;
                if (message.prevHash != null && $Object.hasOwnProperty.call(message, "prevHash"))
                    object.prevHash = options.bytes === $String ? $util.base64.encode(message.prevHash, 0, message.prevHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.prevHash) : message.prevHash;
                if (message.actor != null && $Object.hasOwnProperty.call(message, "actor"))
                    object.actor = $root.parley.v1.Address.toObject(message.actor, options, _depth + 1);
                if (message.at != null && $Object.hasOwnProperty.call(message, "at"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.at = typeof message.at === "number" ? $BigInt(message.at) : $util.Long.fromBits(message.at.low >>> 0, message.at.high >>> 0, true).toBigInt();
                    else if (typeof message.at === "number")
                        object.at = options.longs === $String ? $String(message.at) : message.at;
                    else
                        object.at = options.longs === $String ? $util.Long.prototype.toString.call(message.at) : options.longs === $Number ? new $util.LongBits(message.at.low >>> 0, message.at.high >>> 0).toNumber(true) : message.at;
                if (message.create != null && $Object.hasOwnProperty.call(message, "create")) {
                    object.create = $root.parley.v1.GroupCreate.toObject(message.create, options, _depth + 1);
                    if (options.oneofs)
                        object.action = "create";
                }
                if (message.rename != null && $Object.hasOwnProperty.call(message, "rename")) {
                    object.rename = $root.parley.v1.GroupRename.toObject(message.rename, options, _depth + 1);
                    if (options.oneofs)
                        object.action = "rename";
                }
                if (message.add != null && $Object.hasOwnProperty.call(message, "add")) {
                    object.add = $root.parley.v1.GroupMembers.toObject(message.add, options, _depth + 1);
                    if (options.oneofs)
                        object.action = "add";
                }
                if (message.remove != null && $Object.hasOwnProperty.call(message, "remove")) {
                    object.remove = $root.parley.v1.GroupMembers.toObject(message.remove, options, _depth + 1);
                    if (options.oneofs)
                        object.action = "remove";
                }
                if (message.promote != null && $Object.hasOwnProperty.call(message, "promote")) {
                    object.promote = $root.parley.v1.GroupMembers.toObject(message.promote, options, _depth + 1);
                    if (options.oneofs)
                        object.action = "promote";
                }
                if (message.demote != null && $Object.hasOwnProperty.call(message, "demote")) {
                    object.demote = $root.parley.v1.GroupMembers.toObject(message.demote, options, _depth + 1);
                    if (options.oneofs)
                        object.action = "demote";
                }
                if (message.leave != null && $Object.hasOwnProperty.call(message, "leave")) {
                    object.leave = $root.parley.v1.GroupLeave.toObject(message.leave, options, _depth + 1);
                    if (options.oneofs)
                        object.action = "leave";
                }
                if (message.describe != null && $Object.hasOwnProperty.call(message, "describe")) {
                    object.describe = $root.parley.v1.GroupDescribe.toObject(message.describe, options, _depth + 1);
                    if (options.oneofs)
                        object.action = "describe";
                }
                if (message.disappearing != null && $Object.hasOwnProperty.call(message, "disappearing")) {
                    object.disappearing = $root.parley.v1.GroupDisappearing.toObject(message.disappearing, options, _depth + 1);
                    if (options.oneofs)
                        object.action = "disappearing";
                }
                if (message.actorIdentityKey != null && $Object.hasOwnProperty.call(message, "actorIdentityKey"))
                    object.actorIdentityKey = options.bytes === $String ? $util.base64.encode(message.actorIdentityKey, 0, message.actorIdentityKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.actorIdentityKey) : message.actorIdentityKey;
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                return object;
            };

            GroupRecord.prototype.toJSON = function() {
                return GroupRecord.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupRecord.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupRecord";
            };

            return GroupRecord;
        })();

        v1.GroupCreate = (function() {

            const GroupCreate = function (properties) {
                this.members = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupCreate.prototype.name = "";
            GroupCreate.prototype.description = "";
            GroupCreate.prototype.members = $util.emptyArray;

            GroupCreate.create = function(properties) {
                return new GroupCreate(properties);
            };

            GroupCreate.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(10).string(message.name);
                if (message.description != null && $Object.hasOwnProperty.call(message, "description") && message.description !== "")
                    writer.uint32(18).string(message.description);
                if (message.members != null && message.members.length)
                    for (let i = 0; i < message.members.length; ++i)
                        $root.parley.v1.GroupMember.encode(message.members[i], writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupCreate.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupCreate();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.members && message.members.length))
                                message.members = [];
                            message.members.push($root.parley.v1.GroupMember.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupCreate.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupCreate)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupCreate: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupCreate();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.description != null)
                    if (typeof object.description !== "string" || object.description.length)
                        message.description = $String(object.description);
                if (object.members) {
                    if (!$Array.isArray(object.members))
                        throw $TypeError(".parley.v1.GroupCreate.members: array expected");
                    message.members = $Array(object.members.length);
                    for (let i = 0; i < object.members.length; ++i) {
                        if (!$util.isObject(object.members[i]))
                            throw $TypeError(".parley.v1.GroupCreate.members: object expected");
                        message.members[i] = $root.parley.v1.GroupMember.fromObject(object.members[i], _depth + 1);
                    }
                }
                return message;
            };

            GroupCreate.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.members = [];
                if (options.defaults) {
                    object.name = "";
                    object.description = "";
                }
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                    object.description = message.description;
                if (message.members && message.members.length) {
                    object.members = $Array(message.members.length);
                    for (let j = 0; j < message.members.length; ++j)
                        object.members[j] = $root.parley.v1.GroupMember.toObject(message.members[j], options, _depth + 1);
                }
                return object;
            };

            GroupCreate.prototype.toJSON = function() {
                return GroupCreate.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupCreate.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupCreate";
            };

            return GroupCreate;
        })();

        v1.GroupRename = (function() {

            const GroupRename = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupRename.prototype.name = "";

            GroupRename.create = function(properties) {
                return new GroupRename(properties);
            };

            GroupRename.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(10).string(message.name);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupRename.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupRename();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupRename.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupRename)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupRename: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupRename();
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                return message;
            };

            GroupRename.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.name = "";
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                return object;
            };

            GroupRename.prototype.toJSON = function() {
                return GroupRename.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupRename.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupRename";
            };

            return GroupRename;
        })();

        v1.GroupDescribe = (function() {

            const GroupDescribe = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupDescribe.prototype.description = "";

            GroupDescribe.create = function(properties) {
                return new GroupDescribe(properties);
            };

            GroupDescribe.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.description != null && $Object.hasOwnProperty.call(message, "description") && message.description !== "")
                    writer.uint32(10).string(message.description);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupDescribe.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupDescribe();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupDescribe.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupDescribe)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupDescribe: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupDescribe();
                if (object.description != null)
                    if (typeof object.description !== "string" || object.description.length)
                        message.description = $String(object.description);
                return message;
            };

            GroupDescribe.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.description = "";
                if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                    object.description = message.description;
                return object;
            };

            GroupDescribe.prototype.toJSON = function() {
                return GroupDescribe.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupDescribe.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupDescribe";
            };

            return GroupDescribe;
        })();

        v1.GroupDisappearing = (function() {

            const GroupDisappearing = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupDisappearing.prototype.seconds = 0;

            GroupDisappearing.create = function(properties) {
                return new GroupDisappearing(properties);
            };

            GroupDisappearing.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.seconds != null && $Object.hasOwnProperty.call(message, "seconds") && message.seconds !== 0)
                    writer.uint32(8).uint32(message.seconds);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupDisappearing.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupDisappearing();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.seconds = value;
                            else
                                delete message.seconds;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupDisappearing.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupDisappearing)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupDisappearing: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupDisappearing();
                if (object.seconds != null)
                    if ($Number(object.seconds) !== 0)
                        message.seconds = object.seconds >>> 0;
                return message;
            };

            GroupDisappearing.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.seconds = 0;
                if (message.seconds != null && $Object.hasOwnProperty.call(message, "seconds"))
                    object.seconds = message.seconds;
                return object;
            };

            GroupDisappearing.prototype.toJSON = function() {
                return GroupDisappearing.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupDisappearing.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupDisappearing";
            };

            return GroupDisappearing;
        })();

        v1.GroupMembers = (function() {

            const GroupMembers = function (properties) {
                this.userIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupMembers.prototype.userIds = $util.emptyArray;

            GroupMembers.create = function(properties) {
                return new GroupMembers(properties);
            };

            GroupMembers.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userIds != null && message.userIds.length)
                    for (let i = 0; i < message.userIds.length; ++i)
                        writer.uint32(10).string(message.userIds[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupMembers.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupMembers();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.userIds && message.userIds.length))
                                message.userIds = [];
                            message.userIds.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupMembers.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupMembers)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupMembers: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupMembers();
                if (object.userIds) {
                    if (!$Array.isArray(object.userIds))
                        throw $TypeError(".parley.v1.GroupMembers.userIds: array expected");
                    message.userIds = $Array(object.userIds.length);
                    for (let i = 0; i < object.userIds.length; ++i)
                        message.userIds[i] = $String(object.userIds[i]);
                }
                return message;
            };

            GroupMembers.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.userIds = [];
                if (message.userIds && message.userIds.length) {
                    object.userIds = $Array(message.userIds.length);
                    for (let j = 0; j < message.userIds.length; ++j)
                        object.userIds[j] = message.userIds[j];
                }
                return object;
            };

            GroupMembers.prototype.toJSON = function() {
                return GroupMembers.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupMembers.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupMembers";
            };

            return GroupMembers;
        })();

        v1.GroupLeave = (function() {

            const GroupLeave = function (properties) {
                this.promote = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupLeave.prototype.promote = $util.emptyArray;

            GroupLeave.create = function(properties) {
                return new GroupLeave(properties);
            };

            GroupLeave.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.promote != null && message.promote.length)
                    for (let i = 0; i < message.promote.length; ++i)
                        writer.uint32(10).string(message.promote[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupLeave.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupLeave();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.promote && message.promote.length))
                                message.promote = [];
                            message.promote.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupLeave.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupLeave)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupLeave: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupLeave();
                if (object.promote) {
                    if (!$Array.isArray(object.promote))
                        throw $TypeError(".parley.v1.GroupLeave.promote: array expected");
                    message.promote = $Array(object.promote.length);
                    for (let i = 0; i < object.promote.length; ++i)
                        message.promote[i] = $String(object.promote[i]);
                }
                return message;
            };

            GroupLeave.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.promote = [];
                if (message.promote && message.promote.length) {
                    object.promote = $Array(message.promote.length);
                    for (let j = 0; j < message.promote.length; ++j)
                        object.promote[j] = message.promote[j];
                }
                return object;
            };

            GroupLeave.prototype.toJSON = function() {
                return GroupLeave.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupLeave.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupLeave";
            };

            return GroupLeave;
        })();

        v1.GroupState = (function() {

            const GroupState = function (properties) {
                this.members = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupState.prototype.groupId = "";
            GroupState.prototype.name = "";
            GroupState.prototype.description = "";
            GroupState.prototype.version = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            GroupState.prototype.members = $util.emptyArray;
            GroupState.prototype.createdBy = "";
            GroupState.prototype.createdAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            GroupState.prototype.maxMembers = 0;

            GroupState.create = function(properties) {
                return new GroupState(properties);
            };

            GroupState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== "")
                    writer.uint32(10).string(message.groupId);
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(18).string(message.name);
                if (message.description != null && $Object.hasOwnProperty.call(message, "description") && message.description !== "")
                    writer.uint32(26).string(message.description);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && (typeof message.version === "object" ? message.version.low || message.version.high : message.version !== 0))
                    writer.uint32(32).uint64(message.version);
                if (message.members != null && message.members.length)
                    for (let i = 0; i < message.members.length; ++i)
                        $root.parley.v1.GroupMember.encode(message.members[i], writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.createdBy != null && $Object.hasOwnProperty.call(message, "createdBy") && message.createdBy !== "")
                    writer.uint32(50).string(message.createdBy);
                if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt") && (typeof message.createdAt === "object" ? message.createdAt.low || message.createdAt.high : message.createdAt !== 0))
                    writer.uint32(56).uint64(message.createdAt);
                if (message.maxMembers != null && $Object.hasOwnProperty.call(message, "maxMembers") && message.maxMembers !== 0)
                    writer.uint32(64).uint32(message.maxMembers);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupState.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupState();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.members && message.members.length))
                                message.members = [];
                            message.members.push($root.parley.v1.GroupMember.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.createdBy = value;
                            else
                                delete message.createdBy;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.createdAt = value;
                            else
                                delete message.createdAt;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.maxMembers = value;
                            else
                                delete message.maxMembers;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupState.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupState)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupState: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupState();
                if (object.groupId != null)
                    if (typeof object.groupId !== "string" || object.groupId.length)
                        message.groupId = $String(object.groupId);
                if (object.name != null)
                    if (typeof object.name !== "string" || object.name.length)
                        message.name = $String(object.name);
                if (object.description != null)
                    if (typeof object.description !== "string" || object.description.length)
                        message.description = $String(object.description);
                if (object.version != null)
                    if (typeof object.version === "object" ? object.version.low || object.version.high : $Number(object.version) !== 0)
                        if ($util.Long)
                            message.version = $util.Long.fromValue(object.version, true);
                        else if (typeof object.version === "string")
                            message.version = $parseInt(object.version, 10);
                        else if (typeof object.version === "number")
                            message.version = object.version;
                        else if (typeof object.version === "object")
                            message.version = new $util.LongBits(object.version.low >>> 0, object.version.high >>> 0).toNumber(true);
                if (object.members) {
                    if (!$Array.isArray(object.members))
                        throw $TypeError(".parley.v1.GroupState.members: array expected");
                    message.members = $Array(object.members.length);
                    for (let i = 0; i < object.members.length; ++i) {
                        if (!$util.isObject(object.members[i]))
                            throw $TypeError(".parley.v1.GroupState.members: object expected");
                        message.members[i] = $root.parley.v1.GroupMember.fromObject(object.members[i], _depth + 1);
                    }
                }
                if (object.createdBy != null)
                    if (typeof object.createdBy !== "string" || object.createdBy.length)
                        message.createdBy = $String(object.createdBy);
                if (object.createdAt != null)
                    if (typeof object.createdAt === "object" ? object.createdAt.low || object.createdAt.high : $Number(object.createdAt) !== 0)
                        if ($util.Long)
                            message.createdAt = $util.Long.fromValue(object.createdAt, true);
                        else if (typeof object.createdAt === "string")
                            message.createdAt = $parseInt(object.createdAt, 10);
                        else if (typeof object.createdAt === "number")
                            message.createdAt = object.createdAt;
                        else if (typeof object.createdAt === "object")
                            message.createdAt = new $util.LongBits(object.createdAt.low >>> 0, object.createdAt.high >>> 0).toNumber(true);
                if (object.maxMembers != null)
                    if ($Number(object.maxMembers) !== 0)
                        message.maxMembers = object.maxMembers >>> 0;
                return message;
            };

            GroupState.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.members = [];
                if (options.defaults) {
                    object.groupId = "";
                    object.name = "";
                    object.description = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.version = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.version = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.createdBy = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.createdAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.createdAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.maxMembers = 0;
                }
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    object.groupId = message.groupId;
                if (message.name != null && $Object.hasOwnProperty.call(message, "name"))
                    object.name = message.name;
                if (message.description != null && $Object.hasOwnProperty.call(message, "description"))
                    object.description = message.description;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.version = typeof message.version === "number" ? $BigInt(message.version) : $util.Long.fromBits(message.version.low >>> 0, message.version.high >>> 0, true).toBigInt();
                    else if (typeof message.version === "number")
                        object.version = options.longs === $String ? $String(message.version) : message.version;
                    else
                        object.version = options.longs === $String ? $util.Long.prototype.toString.call(message.version) : options.longs === $Number ? new $util.LongBits(message.version.low >>> 0, message.version.high >>> 0).toNumber(true) : message.version;
                if (message.members && message.members.length) {
                    object.members = $Array(message.members.length);
                    for (let j = 0; j < message.members.length; ++j)
                        object.members[j] = $root.parley.v1.GroupMember.toObject(message.members[j], options, _depth + 1);
                }
                if (message.createdBy != null && $Object.hasOwnProperty.call(message, "createdBy"))
                    object.createdBy = message.createdBy;
                if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.createdAt = typeof message.createdAt === "number" ? $BigInt(message.createdAt) : $util.Long.fromBits(message.createdAt.low >>> 0, message.createdAt.high >>> 0, true).toBigInt();
                    else if (typeof message.createdAt === "number")
                        object.createdAt = options.longs === $String ? $String(message.createdAt) : message.createdAt;
                    else
                        object.createdAt = options.longs === $String ? $util.Long.prototype.toString.call(message.createdAt) : options.longs === $Number ? new $util.LongBits(message.createdAt.low >>> 0, message.createdAt.high >>> 0).toNumber(true) : message.createdAt;
                if (message.maxMembers != null && $Object.hasOwnProperty.call(message, "maxMembers"))
                    object.maxMembers = message.maxMembers;
                return object;
            };

            GroupState.prototype.toJSON = function() {
                return GroupState.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupState";
            };

            return GroupState;
        })();

        v1.GroupChange = (function() {

            const GroupChange = function (properties) {
                this.consents = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupChange.prototype.record = null;
            GroupChange.prototype.consents = $util.emptyArray;

            GroupChange.create = function(properties) {
                return new GroupChange(properties);
            };

            GroupChange.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.record != null && $Object.hasOwnProperty.call(message, "record"))
                    $root.parley.v1.GroupRecord.encode(message.record, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.consents != null && message.consents.length)
                    for (let i = 0; i < message.consents.length; ++i)
                        $root.parley.v1.GroupJoinConsent.encode(message.consents[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupChange.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupChange();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.record = $root.parley.v1.GroupRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.record);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.consents && message.consents.length))
                                message.consents = [];
                            message.consents.push($root.parley.v1.GroupJoinConsent.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupChange.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupChange)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupChange: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupChange();
                if (object.record != null) {
                    if (!$util.isObject(object.record))
                        throw $TypeError(".parley.v1.GroupChange.record: object expected");
                    message.record = $root.parley.v1.GroupRecord.fromObject(object.record, _depth + 1);
                }
                if (object.consents) {
                    if (!$Array.isArray(object.consents))
                        throw $TypeError(".parley.v1.GroupChange.consents: array expected");
                    message.consents = $Array(object.consents.length);
                    for (let i = 0; i < object.consents.length; ++i) {
                        if (!$util.isObject(object.consents[i]))
                            throw $TypeError(".parley.v1.GroupChange.consents: object expected");
                        message.consents[i] = $root.parley.v1.GroupJoinConsent.fromObject(object.consents[i], _depth + 1);
                    }
                }
                return message;
            };

            GroupChange.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.consents = [];
                if (options.defaults)
                    object.record = null;
                if (message.record != null && $Object.hasOwnProperty.call(message, "record"))
                    object.record = $root.parley.v1.GroupRecord.toObject(message.record, options, _depth + 1);
                if (message.consents && message.consents.length) {
                    object.consents = $Array(message.consents.length);
                    for (let j = 0; j < message.consents.length; ++j)
                        object.consents[j] = $root.parley.v1.GroupJoinConsent.toObject(message.consents[j], options, _depth + 1);
                }
                return object;
            };

            GroupChange.prototype.toJSON = function() {
                return GroupChange.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupChange.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupChange";
            };

            return GroupChange;
        })();

        v1.GroupJoinConsent = (function() {

            const GroupJoinConsent = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupJoinConsent.prototype.groupId = "";
            GroupJoinConsent.prototype.invitee = null;
            GroupJoinConsent.prototype.inviterUserId = "";
            GroupJoinConsent.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            GroupJoinConsent.prototype.signature = $util.newBuffer([]);

            GroupJoinConsent.create = function(properties) {
                return new GroupJoinConsent(properties);
            };

            GroupJoinConsent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== "")
                    writer.uint32(10).string(message.groupId);
                if (message.invitee != null && $Object.hasOwnProperty.call(message, "invitee"))
                    $root.parley.v1.Address.encode(message.invitee, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.inviterUserId != null && $Object.hasOwnProperty.call(message, "inviterUserId") && message.inviterUserId !== "")
                    writer.uint32(26).string(message.inviterUserId);
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt") && (typeof message.expiresAt === "object" ? message.expiresAt.low || message.expiresAt.high : message.expiresAt !== 0))
                    writer.uint32(32).uint64(message.expiresAt);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(42).bytes(message.signature);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupJoinConsent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupJoinConsent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.invitee = $root.parley.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1, message.invitee);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.inviterUserId = value;
                            else
                                delete message.inviterUserId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAt = value;
                            else
                                delete message.expiresAt;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupJoinConsent.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupJoinConsent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupJoinConsent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupJoinConsent();
                if (object.groupId != null)
                    if (typeof object.groupId !== "string" || object.groupId.length)
                        message.groupId = $String(object.groupId);
                if (object.invitee != null) {
                    if (!$util.isObject(object.invitee))
                        throw $TypeError(".parley.v1.GroupJoinConsent.invitee: object expected");
                    message.invitee = $root.parley.v1.Address.fromObject(object.invitee, _depth + 1);
                }
                if (object.inviterUserId != null)
                    if (typeof object.inviterUserId !== "string" || object.inviterUserId.length)
                        message.inviterUserId = $String(object.inviterUserId);
                if (object.expiresAt != null)
                    if (typeof object.expiresAt === "object" ? object.expiresAt.low || object.expiresAt.high : $Number(object.expiresAt) !== 0)
                        if ($util.Long)
                            message.expiresAt = $util.Long.fromValue(object.expiresAt, true);
                        else if (typeof object.expiresAt === "string")
                            message.expiresAt = $parseInt(object.expiresAt, 10);
                        else if (typeof object.expiresAt === "number")
                            message.expiresAt = object.expiresAt;
                        else if (typeof object.expiresAt === "object")
                            message.expiresAt = new $util.LongBits(object.expiresAt.low >>> 0, object.expiresAt.high >>> 0).toNumber(true);
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                return message;
            };

            GroupJoinConsent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.groupId = "";
                    object.invitee = null;
                    object.inviterUserId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.expiresAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.expiresAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                }
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    object.groupId = message.groupId;
                if (message.invitee != null && $Object.hasOwnProperty.call(message, "invitee"))
                    object.invitee = $root.parley.v1.Address.toObject(message.invitee, options, _depth + 1);
                if (message.inviterUserId != null && $Object.hasOwnProperty.call(message, "inviterUserId"))
                    object.inviterUserId = message.inviterUserId;
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.expiresAt = typeof message.expiresAt === "number" ? $BigInt(message.expiresAt) : $util.Long.fromBits(message.expiresAt.low >>> 0, message.expiresAt.high >>> 0, true).toBigInt();
                    else if (typeof message.expiresAt === "number")
                        object.expiresAt = options.longs === $String ? $String(message.expiresAt) : message.expiresAt;
                    else
                        object.expiresAt = options.longs === $String ? $util.Long.prototype.toString.call(message.expiresAt) : options.longs === $Number ? new $util.LongBits(message.expiresAt.low >>> 0, message.expiresAt.high >>> 0).toNumber(true) : message.expiresAt;
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                return object;
            };

            GroupJoinConsent.prototype.toJSON = function() {
                return GroupJoinConsent.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupJoinConsent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupJoinConsent";
            };

            return GroupJoinConsent;
        })();

        v1.GroupGet = (function() {

            const GroupGet = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupGet.prototype.groupId = "";

            GroupGet.create = function(properties) {
                return new GroupGet(properties);
            };

            GroupGet.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== "")
                    writer.uint32(10).string(message.groupId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupGet.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupGet();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupGet.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupGet)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupGet: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupGet();
                if (object.groupId != null)
                    if (typeof object.groupId !== "string" || object.groupId.length)
                        message.groupId = $String(object.groupId);
                return message;
            };

            GroupGet.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.groupId = "";
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    object.groupId = message.groupId;
                return object;
            };

            GroupGet.prototype.toJSON = function() {
                return GroupGet.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupGet.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupGet";
            };

            return GroupGet;
        })();

        v1.GroupListRequest = (function() {

            const GroupListRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupListRequest.prototype.cursor = "";

            GroupListRequest.create = function(properties) {
                return new GroupListRequest(properties);
            };

            GroupListRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.cursor != null && $Object.hasOwnProperty.call(message, "cursor") && message.cursor !== "")
                    writer.uint32(10).string(message.cursor);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupListRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupListRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.cursor = value;
                            else
                                delete message.cursor;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupListRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupListRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupListRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupListRequest();
                if (object.cursor != null)
                    if (typeof object.cursor !== "string" || object.cursor.length)
                        message.cursor = $String(object.cursor);
                return message;
            };

            GroupListRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.cursor = "";
                if (message.cursor != null && $Object.hasOwnProperty.call(message, "cursor"))
                    object.cursor = message.cursor;
                return object;
            };

            GroupListRequest.prototype.toJSON = function() {
                return GroupListRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupListRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupListRequest";
            };

            return GroupListRequest;
        })();

        v1.GroupList = (function() {

            const GroupList = function (properties) {
                this.groups = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupList.prototype.groups = $util.emptyArray;
            GroupList.prototype.nextCursor = "";

            GroupList.create = function(properties) {
                return new GroupList(properties);
            };

            GroupList.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groups != null && message.groups.length)
                    for (let i = 0; i < message.groups.length; ++i)
                        $root.parley.v1.GroupState.encode(message.groups[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.nextCursor != null && $Object.hasOwnProperty.call(message, "nextCursor") && message.nextCursor !== "")
                    writer.uint32(18).string(message.nextCursor);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupList.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupList();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.groups && message.groups.length))
                                message.groups = [];
                            message.groups.push($root.parley.v1.GroupState.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.nextCursor = value;
                            else
                                delete message.nextCursor;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupList.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupList)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupList: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupList();
                if (object.groups) {
                    if (!$Array.isArray(object.groups))
                        throw $TypeError(".parley.v1.GroupList.groups: array expected");
                    message.groups = $Array(object.groups.length);
                    for (let i = 0; i < object.groups.length; ++i) {
                        if (!$util.isObject(object.groups[i]))
                            throw $TypeError(".parley.v1.GroupList.groups: object expected");
                        message.groups[i] = $root.parley.v1.GroupState.fromObject(object.groups[i], _depth + 1);
                    }
                }
                if (object.nextCursor != null)
                    if (typeof object.nextCursor !== "string" || object.nextCursor.length)
                        message.nextCursor = $String(object.nextCursor);
                return message;
            };

            GroupList.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.groups = [];
                if (options.defaults)
                    object.nextCursor = "";
                if (message.groups && message.groups.length) {
                    object.groups = $Array(message.groups.length);
                    for (let j = 0; j < message.groups.length; ++j)
                        object.groups[j] = $root.parley.v1.GroupState.toObject(message.groups[j], options, _depth + 1);
                }
                if (message.nextCursor != null && $Object.hasOwnProperty.call(message, "nextCursor"))
                    object.nextCursor = message.nextCursor;
                return object;
            };

            GroupList.prototype.toJSON = function() {
                return GroupList.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupList.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupList";
            };

            return GroupList;
        })();

        v1.GroupHistoryRequest = (function() {

            const GroupHistoryRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupHistoryRequest.prototype.groupId = "";
            GroupHistoryRequest.prototype.fromVersion = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            GroupHistoryRequest.create = function(properties) {
                return new GroupHistoryRequest(properties);
            };

            GroupHistoryRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== "")
                    writer.uint32(10).string(message.groupId);
                if (message.fromVersion != null && $Object.hasOwnProperty.call(message, "fromVersion") && (typeof message.fromVersion === "object" ? message.fromVersion.low || message.fromVersion.high : message.fromVersion !== 0))
                    writer.uint32(16).uint64(message.fromVersion);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupHistoryRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupHistoryRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.fromVersion = value;
                            else
                                delete message.fromVersion;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupHistoryRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupHistoryRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupHistoryRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupHistoryRequest();
                if (object.groupId != null)
                    if (typeof object.groupId !== "string" || object.groupId.length)
                        message.groupId = $String(object.groupId);
                if (object.fromVersion != null)
                    if (typeof object.fromVersion === "object" ? object.fromVersion.low || object.fromVersion.high : $Number(object.fromVersion) !== 0)
                        if ($util.Long)
                            message.fromVersion = $util.Long.fromValue(object.fromVersion, true);
                        else if (typeof object.fromVersion === "string")
                            message.fromVersion = $parseInt(object.fromVersion, 10);
                        else if (typeof object.fromVersion === "number")
                            message.fromVersion = object.fromVersion;
                        else if (typeof object.fromVersion === "object")
                            message.fromVersion = new $util.LongBits(object.fromVersion.low >>> 0, object.fromVersion.high >>> 0).toNumber(true);
                return message;
            };

            GroupHistoryRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.groupId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.fromVersion = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.fromVersion = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    object.groupId = message.groupId;
                if (message.fromVersion != null && $Object.hasOwnProperty.call(message, "fromVersion"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.fromVersion = typeof message.fromVersion === "number" ? $BigInt(message.fromVersion) : $util.Long.fromBits(message.fromVersion.low >>> 0, message.fromVersion.high >>> 0, true).toBigInt();
                    else if (typeof message.fromVersion === "number")
                        object.fromVersion = options.longs === $String ? $String(message.fromVersion) : message.fromVersion;
                    else
                        object.fromVersion = options.longs === $String ? $util.Long.prototype.toString.call(message.fromVersion) : options.longs === $Number ? new $util.LongBits(message.fromVersion.low >>> 0, message.fromVersion.high >>> 0).toNumber(true) : message.fromVersion;
                return object;
            };

            GroupHistoryRequest.prototype.toJSON = function() {
                return GroupHistoryRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupHistoryRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupHistoryRequest";
            };

            return GroupHistoryRequest;
        })();

        v1.GroupHistory = (function() {

            const GroupHistory = function (properties) {
                this.records = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupHistory.prototype.records = $util.emptyArray;

            GroupHistory.create = function(properties) {
                return new GroupHistory(properties);
            };

            GroupHistory.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.records != null && message.records.length)
                    for (let i = 0; i < message.records.length; ++i)
                        $root.parley.v1.GroupRecord.encode(message.records[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupHistory.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupHistory();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.records && message.records.length))
                                message.records = [];
                            message.records.push($root.parley.v1.GroupRecord.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupHistory.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupHistory)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupHistory: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupHistory();
                if (object.records) {
                    if (!$Array.isArray(object.records))
                        throw $TypeError(".parley.v1.GroupHistory.records: array expected");
                    message.records = $Array(object.records.length);
                    for (let i = 0; i < object.records.length; ++i) {
                        if (!$util.isObject(object.records[i]))
                            throw $TypeError(".parley.v1.GroupHistory.records: object expected");
                        message.records[i] = $root.parley.v1.GroupRecord.fromObject(object.records[i], _depth + 1);
                    }
                }
                return message;
            };

            GroupHistory.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.records = [];
                if (message.records && message.records.length) {
                    object.records = $Array(message.records.length);
                    for (let j = 0; j < message.records.length; ++j)
                        object.records[j] = $root.parley.v1.GroupRecord.toObject(message.records[j], options, _depth + 1);
                }
                return object;
            };

            GroupHistory.prototype.toJSON = function() {
                return GroupHistory.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupHistory.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupHistory";
            };

            return GroupHistory;
        })();

        v1.GroupReceiptsRequest = (function() {

            const GroupReceiptsRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupReceiptsRequest.prototype.groupId = "";
            GroupReceiptsRequest.prototype.messageId = "";
            GroupReceiptsRequest.prototype.senderDeviceId = 0;

            GroupReceiptsRequest.create = function(properties) {
                return new GroupReceiptsRequest(properties);
            };

            GroupReceiptsRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== "")
                    writer.uint32(10).string(message.groupId);
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(18).string(message.messageId);
                if (message.senderDeviceId != null && $Object.hasOwnProperty.call(message, "senderDeviceId") && message.senderDeviceId !== 0)
                    writer.uint32(24).uint32(message.senderDeviceId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupReceiptsRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupReceiptsRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.senderDeviceId = value;
                            else
                                delete message.senderDeviceId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupReceiptsRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupReceiptsRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupReceiptsRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupReceiptsRequest();
                if (object.groupId != null)
                    if (typeof object.groupId !== "string" || object.groupId.length)
                        message.groupId = $String(object.groupId);
                if (object.messageId != null)
                    if (typeof object.messageId !== "string" || object.messageId.length)
                        message.messageId = $String(object.messageId);
                if (object.senderDeviceId != null)
                    if ($Number(object.senderDeviceId) !== 0)
                        message.senderDeviceId = object.senderDeviceId >>> 0;
                return message;
            };

            GroupReceiptsRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.groupId = "";
                    object.messageId = "";
                    object.senderDeviceId = 0;
                }
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    object.groupId = message.groupId;
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    object.messageId = message.messageId;
                if (message.senderDeviceId != null && $Object.hasOwnProperty.call(message, "senderDeviceId"))
                    object.senderDeviceId = message.senderDeviceId;
                return object;
            };

            GroupReceiptsRequest.prototype.toJSON = function() {
                return GroupReceiptsRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupReceiptsRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupReceiptsRequest";
            };

            return GroupReceiptsRequest;
        })();

        v1.GroupMemberReceipt = (function() {

            const GroupMemberReceipt = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupMemberReceipt.prototype.userId = "";
            GroupMemberReceipt.prototype.status = 0;

            GroupMemberReceipt.create = function(properties) {
                return new GroupMemberReceipt(properties);
            };

            GroupMemberReceipt.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(16).int32(message.status);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupMemberReceipt.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupMemberReceipt();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupMemberReceipt.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupMemberReceipt)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupMemberReceipt: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupMemberReceipt();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.status !== 0 && (typeof object.status !== "string" || $root.parley.v1.ReceiptStatus[object.status] !== 0))
                    switch (object.status) {
                    case "RECEIPT_STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "RECEIPT_STATUS_SENT":
                    case 1:
                        message.status = 1;
                        break;
                    case "RECEIPT_STATUS_DELIVERED":
                    case 2:
                        message.status = 2;
                        break;
                    case "RECEIPT_STATUS_READ":
                    case 3:
                        message.status = 3;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                return message;
            };

            GroupMemberReceipt.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.status = options.enums === $String ? "RECEIPT_STATUS_UNSPECIFIED" : 0;
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.parley.v1.ReceiptStatus[message.status] === $undefined ? message.status : $root.parley.v1.ReceiptStatus[message.status] : message.status;
                return object;
            };

            GroupMemberReceipt.prototype.toJSON = function() {
                return GroupMemberReceipt.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupMemberReceipt.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupMemberReceipt";
            };

            return GroupMemberReceipt;
        })();

        v1.GroupReceipts = (function() {

            const GroupReceipts = function (properties) {
                this.members = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            GroupReceipts.prototype.members = $util.emptyArray;

            GroupReceipts.create = function(properties) {
                return new GroupReceipts(properties);
            };

            GroupReceipts.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.members != null && message.members.length)
                    for (let i = 0; i < message.members.length; ++i)
                        $root.parley.v1.GroupMemberReceipt.encode(message.members[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            GroupReceipts.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.GroupReceipts();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.members && message.members.length))
                                message.members = [];
                            message.members.push($root.parley.v1.GroupMemberReceipt.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            GroupReceipts.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.GroupReceipts)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.GroupReceipts: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.GroupReceipts();
                if (object.members) {
                    if (!$Array.isArray(object.members))
                        throw $TypeError(".parley.v1.GroupReceipts.members: array expected");
                    message.members = $Array(object.members.length);
                    for (let i = 0; i < object.members.length; ++i) {
                        if (!$util.isObject(object.members[i]))
                            throw $TypeError(".parley.v1.GroupReceipts.members: object expected");
                        message.members[i] = $root.parley.v1.GroupMemberReceipt.fromObject(object.members[i], _depth + 1);
                    }
                }
                return message;
            };

            GroupReceipts.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.members = [];
                if (message.members && message.members.length) {
                    object.members = $Array(message.members.length);
                    for (let j = 0; j < message.members.length; ++j)
                        object.members[j] = $root.parley.v1.GroupMemberReceipt.toObject(message.members[j], options, _depth + 1);
                }
                return object;
            };

            GroupReceipts.prototype.toJSON = function() {
                return GroupReceipts.toObject(this, $protobuf.util.toJSONOptions);
            };

            GroupReceipts.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.GroupReceipts";
            };

            return GroupReceipts;
        })();

        v1.ReceiptStatus = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "RECEIPT_STATUS_UNSPECIFIED"] = 0;
            values[valuesById[1] = "RECEIPT_STATUS_SENT"] = 1;
            values[valuesById[2] = "RECEIPT_STATUS_DELIVERED"] = 2;
            values[valuesById[3] = "RECEIPT_STATUS_READ"] = 3;
            return values;
        })();

        v1.Receipt = (function() {

            const Receipt = function (properties) {
                this.messageIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Receipt.prototype.userId = null;
            Receipt.prototype.groupId = null;
            Receipt.prototype.messageIds = $util.emptyArray;
            Receipt.prototype.status = 0;
            Receipt.prototype.senderUserId = "";
            Receipt.prototype.senderDeviceId = 0;

            let $oneOfFields;

            $Object.defineProperty(Receipt.prototype, "chat", {
                get: $util.oneOfGetter($oneOfFields = ["userId", "groupId"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Receipt.create = function(properties) {
                return new Receipt(properties);
            };

            Receipt.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    writer.uint32(10).string(message.userId);
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(18).string(message.groupId);
                if (message.messageIds != null && message.messageIds.length)
                    for (let i = 0; i < message.messageIds.length; ++i)
                        writer.uint32(26).string(message.messageIds[i]);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(32).int32(message.status);
                if (message.senderUserId != null && $Object.hasOwnProperty.call(message, "senderUserId") && message.senderUserId !== "")
                    writer.uint32(42).string(message.senderUserId);
                if (message.senderDeviceId != null && $Object.hasOwnProperty.call(message, "senderDeviceId") && message.senderDeviceId !== 0)
                    writer.uint32(48).uint32(message.senderDeviceId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Receipt.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Receipt();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.userId = reader.stringVerify();
                            message.chat = "userId";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.groupId = reader.stringVerify();
                            message.chat = "groupId";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.messageIds && message.messageIds.length))
                                message.messageIds = [];
                            message.messageIds.push(reader.stringVerify());
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.senderUserId = value;
                            else
                                delete message.senderUserId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.senderDeviceId = value;
                            else
                                delete message.senderDeviceId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Receipt.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Receipt)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Receipt: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Receipt();
                if (object.userId != null)
                    message.userId = $String(object.userId);
                if (object.groupId != null)
                    message.groupId = $String(object.groupId);
                if (object.messageIds) {
                    if (!$Array.isArray(object.messageIds))
                        throw $TypeError(".parley.v1.Receipt.messageIds: array expected");
                    message.messageIds = $Array(object.messageIds.length);
                    for (let i = 0; i < object.messageIds.length; ++i)
                        message.messageIds[i] = $String(object.messageIds[i]);
                }
                if (object.status !== 0 && (typeof object.status !== "string" || $root.parley.v1.ReceiptStatus[object.status] !== 0))
                    switch (object.status) {
                    case "RECEIPT_STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "RECEIPT_STATUS_SENT":
                    case 1:
                        message.status = 1;
                        break;
                    case "RECEIPT_STATUS_DELIVERED":
                    case 2:
                        message.status = 2;
                        break;
                    case "RECEIPT_STATUS_READ":
                    case 3:
                        message.status = 3;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.senderUserId != null)
                    if (typeof object.senderUserId !== "string" || object.senderUserId.length)
                        message.senderUserId = $String(object.senderUserId);
                if (object.senderDeviceId != null)
                    if ($Number(object.senderDeviceId) !== 0)
                        message.senderDeviceId = object.senderDeviceId >>> 0;
                return message;
            };

            Receipt.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.messageIds = [];
                if (options.defaults) {
                    object.status = options.enums === $String ? "RECEIPT_STATUS_UNSPECIFIED" : 0;
                    object.senderUserId = "";
                    object.senderDeviceId = 0;
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId")) {
                    object.userId = message.userId;
                    if (options.oneofs)
                        object.chat = "userId";
                }
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId")) {
                    object.groupId = message.groupId;
                    if (options.oneofs)
                        object.chat = "groupId";
                }
                if (message.messageIds && message.messageIds.length) {
                    object.messageIds = $Array(message.messageIds.length);
                    for (let j = 0; j < message.messageIds.length; ++j)
                        object.messageIds[j] = message.messageIds[j];
                }
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.parley.v1.ReceiptStatus[message.status] === $undefined ? message.status : $root.parley.v1.ReceiptStatus[message.status] : message.status;
                if (message.senderUserId != null && $Object.hasOwnProperty.call(message, "senderUserId"))
                    object.senderUserId = message.senderUserId;
                if (message.senderDeviceId != null && $Object.hasOwnProperty.call(message, "senderDeviceId"))
                    object.senderDeviceId = message.senderDeviceId;
                return object;
            };

            Receipt.prototype.toJSON = function() {
                return Receipt.toObject(this, $protobuf.util.toJSONOptions);
            };

            Receipt.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Receipt";
            };

            return Receipt;
        })();

        v1.ReceiptEvent = (function() {

            const ReceiptEvent = function (properties) {
                this.messageIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ReceiptEvent.prototype.messageIds = $util.emptyArray;
            ReceiptEvent.prototype.status = 0;
            ReceiptEvent.prototype.byUserId = "";
            ReceiptEvent.prototype.at = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ReceiptEvent.prototype.groupId = "";
            ReceiptEvent.prototype.peerUserId = "";
            ReceiptEvent.prototype.allMembers = false;
            ReceiptEvent.prototype.senderDeviceId = 0;

            ReceiptEvent.create = function(properties) {
                return new ReceiptEvent(properties);
            };

            ReceiptEvent.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageIds != null && message.messageIds.length)
                    for (let i = 0; i < message.messageIds.length; ++i)
                        writer.uint32(10).string(message.messageIds[i]);
                if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                    writer.uint32(16).int32(message.status);
                if (message.byUserId != null && $Object.hasOwnProperty.call(message, "byUserId") && message.byUserId !== "")
                    writer.uint32(26).string(message.byUserId);
                if (message.at != null && $Object.hasOwnProperty.call(message, "at") && (typeof message.at === "object" ? message.at.low || message.at.high : message.at !== 0))
                    writer.uint32(32).uint64(message.at);
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== "")
                    writer.uint32(42).string(message.groupId);
                if (message.peerUserId != null && $Object.hasOwnProperty.call(message, "peerUserId") && message.peerUserId !== "")
                    writer.uint32(50).string(message.peerUserId);
                if (message.allMembers != null && $Object.hasOwnProperty.call(message, "allMembers") && message.allMembers !== false)
                    writer.uint32(56).bool(message.allMembers);
                if (message.senderDeviceId != null && $Object.hasOwnProperty.call(message, "senderDeviceId") && message.senderDeviceId !== 0)
                    writer.uint32(64).uint32(message.senderDeviceId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ReceiptEvent.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.ReceiptEvent();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.messageIds && message.messageIds.length))
                                message.messageIds = [];
                            message.messageIds.push(reader.stringVerify());
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.status = value;
                            else
                                delete message.status;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.byUserId = value;
                            else
                                delete message.byUserId;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.at = value;
                            else
                                delete message.at;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.peerUserId = value;
                            else
                                delete message.peerUserId;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.allMembers = value;
                            else
                                delete message.allMembers;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.senderDeviceId = value;
                            else
                                delete message.senderDeviceId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ReceiptEvent.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.ReceiptEvent)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.ReceiptEvent: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.ReceiptEvent();
                if (object.messageIds) {
                    if (!$Array.isArray(object.messageIds))
                        throw $TypeError(".parley.v1.ReceiptEvent.messageIds: array expected");
                    message.messageIds = $Array(object.messageIds.length);
                    for (let i = 0; i < object.messageIds.length; ++i)
                        message.messageIds[i] = $String(object.messageIds[i]);
                }
                if (object.status !== 0 && (typeof object.status !== "string" || $root.parley.v1.ReceiptStatus[object.status] !== 0))
                    switch (object.status) {
                    case "RECEIPT_STATUS_UNSPECIFIED":
                    case 0:
                        message.status = 0;
                        break;
                    case "RECEIPT_STATUS_SENT":
                    case 1:
                        message.status = 1;
                        break;
                    case "RECEIPT_STATUS_DELIVERED":
                    case 2:
                        message.status = 2;
                        break;
                    case "RECEIPT_STATUS_READ":
                    case 3:
                        message.status = 3;
                        break;
                    default:
                        if (typeof object.status === "number" && (object.status | 0) === object.status)
                            message.status = object.status;
                    }
                if (object.byUserId != null)
                    if (typeof object.byUserId !== "string" || object.byUserId.length)
                        message.byUserId = $String(object.byUserId);
                if (object.at != null)
                    if (typeof object.at === "object" ? object.at.low || object.at.high : $Number(object.at) !== 0)
                        if ($util.Long)
                            message.at = $util.Long.fromValue(object.at, true);
                        else if (typeof object.at === "string")
                            message.at = $parseInt(object.at, 10);
                        else if (typeof object.at === "number")
                            message.at = object.at;
                        else if (typeof object.at === "object")
                            message.at = new $util.LongBits(object.at.low >>> 0, object.at.high >>> 0).toNumber(true);
                if (object.groupId != null)
                    if (typeof object.groupId !== "string" || object.groupId.length)
                        message.groupId = $String(object.groupId);
                if (object.peerUserId != null)
                    if (typeof object.peerUserId !== "string" || object.peerUserId.length)
                        message.peerUserId = $String(object.peerUserId);
                if (object.allMembers != null)
                    if (object.allMembers)
                        message.allMembers = $Boolean(object.allMembers);
                if (object.senderDeviceId != null)
                    if ($Number(object.senderDeviceId) !== 0)
                        message.senderDeviceId = object.senderDeviceId >>> 0;
                return message;
            };

            ReceiptEvent.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.messageIds = [];
                if (options.defaults) {
                    object.status = options.enums === $String ? "RECEIPT_STATUS_UNSPECIFIED" : 0;
                    object.byUserId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.at = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.at = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.groupId = "";
                    object.peerUserId = "";
                    object.allMembers = false;
                    object.senderDeviceId = 0;
                }
                if (message.messageIds && message.messageIds.length) {
                    object.messageIds = $Array(message.messageIds.length);
                    for (let j = 0; j < message.messageIds.length; ++j)
                        object.messageIds[j] = message.messageIds[j];
                }
                if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                    object.status = options.enums === $String ? $root.parley.v1.ReceiptStatus[message.status] === $undefined ? message.status : $root.parley.v1.ReceiptStatus[message.status] : message.status;
                if (message.byUserId != null && $Object.hasOwnProperty.call(message, "byUserId"))
                    object.byUserId = message.byUserId;
                if (message.at != null && $Object.hasOwnProperty.call(message, "at"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.at = typeof message.at === "number" ? $BigInt(message.at) : $util.Long.fromBits(message.at.low >>> 0, message.at.high >>> 0, true).toBigInt();
                    else if (typeof message.at === "number")
                        object.at = options.longs === $String ? $String(message.at) : message.at;
                    else
                        object.at = options.longs === $String ? $util.Long.prototype.toString.call(message.at) : options.longs === $Number ? new $util.LongBits(message.at.low >>> 0, message.at.high >>> 0).toNumber(true) : message.at;
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    object.groupId = message.groupId;
                if (message.peerUserId != null && $Object.hasOwnProperty.call(message, "peerUserId"))
                    object.peerUserId = message.peerUserId;
                if (message.allMembers != null && $Object.hasOwnProperty.call(message, "allMembers"))
                    object.allMembers = message.allMembers;
                if (message.senderDeviceId != null && $Object.hasOwnProperty.call(message, "senderDeviceId"))
                    object.senderDeviceId = message.senderDeviceId;
                return object;
            };

            ReceiptEvent.prototype.toJSON = function() {
                return ReceiptEvent.toObject(this, $protobuf.util.toJSONOptions);
            };

            ReceiptEvent.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.ReceiptEvent";
            };

            return ReceiptEvent;
        })();

        v1.DeviceListRecord = (function() {

            const DeviceListRecord = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DeviceListRecord.prototype.userId = "";
            DeviceListRecord.prototype.version = 0;
            DeviceListRecord.prototype.prevHash = $util.newBuffer([]);
            DeviceListRecord.prototype.signerDeviceId = 0;
            DeviceListRecord.prototype.at = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            DeviceListRecord.prototype.add = null;
            DeviceListRecord.prototype.remove = null;
            DeviceListRecord.prototype.signature = $util.newBuffer([]);

            let $oneOfFields;

            $Object.defineProperty(DeviceListRecord.prototype, "action", {
                get: $util.oneOfGetter($oneOfFields = ["add", "remove"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            DeviceListRecord.create = function(properties) {
                return new DeviceListRecord(properties);
            };

            DeviceListRecord.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== 0)
                    writer.uint32(16).uint32(message.version);
                if (message.prevHash != null && $Object.hasOwnProperty.call(message, "prevHash") && message.prevHash.length)
                    writer.uint32(26).bytes(message.prevHash);
                if (message.signerDeviceId != null && $Object.hasOwnProperty.call(message, "signerDeviceId") && message.signerDeviceId !== 0)
                    writer.uint32(32).uint32(message.signerDeviceId);
                if (message.at != null && $Object.hasOwnProperty.call(message, "at") && (typeof message.at === "object" ? message.at.low || message.at.high : message.at !== 0))
                    writer.uint32(40).uint64(message.at);
                if (message.add != null && $Object.hasOwnProperty.call(message, "add"))
                    $root.parley.v1.DeviceListAdd.encode(message.add, writer.uint32(50).fork(), _depth + 1).ldelim();
                if (message.remove != null && $Object.hasOwnProperty.call(message, "remove"))
                    $root.parley.v1.DeviceListRemove.encode(message.remove, writer.uint32(58).fork(), _depth + 1).ldelim();
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(66).bytes(message.signature);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DeviceListRecord.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DeviceListRecord();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.version = value;
                            else
                                delete message.version;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.prevHash = value;
                            else
                                delete message.prevHash;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.signerDeviceId = value;
                            else
                                delete message.signerDeviceId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.at = value;
                            else
                                delete message.at;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.add = $root.parley.v1.DeviceListAdd.decode(reader, reader.size(), $undefined, _depth + 1, message.add);
                            message.action = "add";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.remove = $root.parley.v1.DeviceListRemove.decode(reader, reader.size(), $undefined, _depth + 1, message.remove);
                            message.action = "remove";
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DeviceListRecord.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DeviceListRecord)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DeviceListRecord: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DeviceListRecord();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.version != null)
                    if ($Number(object.version) !== 0)
                        message.version = object.version >>> 0;
                if (object.prevHash != null)
                    if (object.prevHash.length)
                        if (typeof object.prevHash === "string")
                            $util.base64.decode(object.prevHash, message.prevHash = $util.newBuffer($util.base64.length(object.prevHash)), 0);
                        else if (object.prevHash.length >= 0)
                            message.prevHash = object.prevHash;
                if (object.signerDeviceId != null)
                    if ($Number(object.signerDeviceId) !== 0)
                        message.signerDeviceId = object.signerDeviceId >>> 0;
                if (object.at != null)
                    if (typeof object.at === "object" ? object.at.low || object.at.high : $Number(object.at) !== 0)
                        if ($util.Long)
                            message.at = $util.Long.fromValue(object.at, true);
                        else if (typeof object.at === "string")
                            message.at = $parseInt(object.at, 10);
                        else if (typeof object.at === "number")
                            message.at = object.at;
                        else if (typeof object.at === "object")
                            message.at = new $util.LongBits(object.at.low >>> 0, object.at.high >>> 0).toNumber(true);
                if (object.add != null) {
                    if (!$util.isObject(object.add))
                        throw $TypeError(".parley.v1.DeviceListRecord.add: object expected");
                    message.add = $root.parley.v1.DeviceListAdd.fromObject(object.add, _depth + 1);
                }
                if (object.remove != null) {
                    if (!$util.isObject(object.remove))
                        throw $TypeError(".parley.v1.DeviceListRecord.remove: object expected");
                    message.remove = $root.parley.v1.DeviceListRemove.fromObject(object.remove, _depth + 1);
                }
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                return message;
            };

            DeviceListRecord.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.version = 0;
                    if (options.bytes === $String)
                        object.prevHash = "";
                    else {
                        object.prevHash = [];
                        if (options.bytes !== $Array)
                            object.prevHash = $util.newBuffer(object.prevHash);
                    }
                    object.signerDeviceId = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.at = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.at = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                    object.version = message.version;
                if (message.prevHash != null && $Object.hasOwnProperty.call(message, "prevHash"))
                    object.prevHash = options.bytes === $String ? $util.base64.encode(message.prevHash, 0, message.prevHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.prevHash) : message.prevHash;
                if (message.signerDeviceId != null && $Object.hasOwnProperty.call(message, "signerDeviceId"))
                    object.signerDeviceId = message.signerDeviceId;
                if (message.at != null && $Object.hasOwnProperty.call(message, "at"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.at = typeof message.at === "number" ? $BigInt(message.at) : $util.Long.fromBits(message.at.low >>> 0, message.at.high >>> 0, true).toBigInt();
                    else if (typeof message.at === "number")
                        object.at = options.longs === $String ? $String(message.at) : message.at;
                    else
                        object.at = options.longs === $String ? $util.Long.prototype.toString.call(message.at) : options.longs === $Number ? new $util.LongBits(message.at.low >>> 0, message.at.high >>> 0).toNumber(true) : message.at;
                if (message.add != null && $Object.hasOwnProperty.call(message, "add")) {
                    object.add = $root.parley.v1.DeviceListAdd.toObject(message.add, options, _depth + 1);
                    if (options.oneofs)
                        object.action = "add";
                }
                if (message.remove != null && $Object.hasOwnProperty.call(message, "remove")) {
                    object.remove = $root.parley.v1.DeviceListRemove.toObject(message.remove, options, _depth + 1);
                    if (options.oneofs)
                        object.action = "remove";
                }
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                return object;
            };

            DeviceListRecord.prototype.toJSON = function() {
                return DeviceListRecord.toObject(this, $protobuf.util.toJSONOptions);
            };

            DeviceListRecord.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DeviceListRecord";
            };

            return DeviceListRecord;
        })();

        v1.DeviceListAdd = (function() {

            const DeviceListAdd = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DeviceListAdd.prototype.deviceId = 0;
            DeviceListAdd.prototype.identityKey = $util.newBuffer([]);

            DeviceListAdd.create = function(properties) {
                return new DeviceListAdd(properties);
            };

            DeviceListAdd.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== 0)
                    writer.uint32(8).uint32(message.deviceId);
                if (message.identityKey != null && $Object.hasOwnProperty.call(message, "identityKey") && message.identityKey.length)
                    writer.uint32(18).bytes(message.identityKey);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DeviceListAdd.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DeviceListAdd();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.deviceId = value;
                            else
                                delete message.deviceId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.identityKey = value;
                            else
                                delete message.identityKey;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DeviceListAdd.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DeviceListAdd)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DeviceListAdd: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DeviceListAdd();
                if (object.deviceId != null)
                    if ($Number(object.deviceId) !== 0)
                        message.deviceId = object.deviceId >>> 0;
                if (object.identityKey != null)
                    if (object.identityKey.length)
                        if (typeof object.identityKey === "string")
                            $util.base64.decode(object.identityKey, message.identityKey = $util.newBuffer($util.base64.length(object.identityKey)), 0);
                        else if (object.identityKey.length >= 0)
                            message.identityKey = object.identityKey;
                return message;
            };

            DeviceListAdd.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.deviceId = 0;
                    if (options.bytes === $String)
                        object.identityKey = "";
                    else {
                        object.identityKey = [];
                        if (options.bytes !== $Array)
                            object.identityKey = $util.newBuffer(object.identityKey);
                    }
                }
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    object.deviceId = message.deviceId;
                if (message.identityKey != null && $Object.hasOwnProperty.call(message, "identityKey"))
                    object.identityKey = options.bytes === $String ? $util.base64.encode(message.identityKey, 0, message.identityKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.identityKey) : message.identityKey;
                return object;
            };

            DeviceListAdd.prototype.toJSON = function() {
                return DeviceListAdd.toObject(this, $protobuf.util.toJSONOptions);
            };

            DeviceListAdd.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DeviceListAdd";
            };

            return DeviceListAdd;
        })();

        v1.DeviceListRemove = (function() {

            const DeviceListRemove = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DeviceListRemove.prototype.deviceId = 0;

            DeviceListRemove.create = function(properties) {
                return new DeviceListRemove(properties);
            };

            DeviceListRemove.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== 0)
                    writer.uint32(8).uint32(message.deviceId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DeviceListRemove.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DeviceListRemove();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.deviceId = value;
                            else
                                delete message.deviceId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DeviceListRemove.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DeviceListRemove)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DeviceListRemove: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DeviceListRemove();
                if (object.deviceId != null)
                    if ($Number(object.deviceId) !== 0)
                        message.deviceId = object.deviceId >>> 0;
                return message;
            };

            DeviceListRemove.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.deviceId = 0;
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    object.deviceId = message.deviceId;
                return object;
            };

            DeviceListRemove.prototype.toJSON = function() {
                return DeviceListRemove.toObject(this, $protobuf.util.toJSONOptions);
            };

            DeviceListRemove.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DeviceListRemove";
            };

            return DeviceListRemove;
        })();

        v1.DeviceListAppend = (function() {

            const DeviceListAppend = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DeviceListAppend.prototype.record = $util.newBuffer([]);

            DeviceListAppend.create = function(properties) {
                return new DeviceListAppend(properties);
            };

            DeviceListAppend.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.record != null && $Object.hasOwnProperty.call(message, "record") && message.record.length)
                    writer.uint32(10).bytes(message.record);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DeviceListAppend.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DeviceListAppend();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.record = value;
                            else
                                delete message.record;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DeviceListAppend.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DeviceListAppend)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DeviceListAppend: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DeviceListAppend();
                if (object.record != null)
                    if (object.record.length)
                        if (typeof object.record === "string")
                            $util.base64.decode(object.record, message.record = $util.newBuffer($util.base64.length(object.record)), 0);
                        else if (object.record.length >= 0)
                            message.record = object.record;
                return message;
            };

            DeviceListAppend.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if (options.bytes === $String)
                        object.record = "";
                    else {
                        object.record = [];
                        if (options.bytes !== $Array)
                            object.record = $util.newBuffer(object.record);
                    }
                if (message.record != null && $Object.hasOwnProperty.call(message, "record"))
                    object.record = options.bytes === $String ? $util.base64.encode(message.record, 0, message.record.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.record) : message.record;
                return object;
            };

            DeviceListAppend.prototype.toJSON = function() {
                return DeviceListAppend.toObject(this, $protobuf.util.toJSONOptions);
            };

            DeviceListAppend.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DeviceListAppend";
            };

            return DeviceListAppend;
        })();

        v1.ErrorCode = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ERROR_CODE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "ERROR_CODE_BAD_FRAME"] = 1;
            values[valuesById[2] = "ERROR_CODE_FRAME_TOO_LARGE"] = 2;
            values[valuesById[3] = "ERROR_CODE_UNAUTHENTICATED"] = 3;
            values[valuesById[4] = "ERROR_CODE_AUTH_FAILED"] = 4;
            values[valuesById[5] = "ERROR_CODE_FORBIDDEN"] = 5;
            values[valuesById[6] = "ERROR_CODE_UNKNOWN_RECIPIENT"] = 6;
            values[valuesById[7] = "ERROR_CODE_DEVICES_MISMATCH"] = 7;
            values[valuesById[8] = "ERROR_CODE_RATE_LIMITED"] = 8;
            values[valuesById[9] = "ERROR_CODE_QUEUE_FULL"] = 9;
            values[valuesById[10] = "ERROR_CODE_NOT_FOUND"] = 10;
            values[valuesById[11] = "ERROR_CODE_CONFLICT"] = 11;
            values[valuesById[12] = "ERROR_CODE_INVALID_ARGUMENT"] = 12;
            values[valuesById[13] = "ERROR_CODE_UNAVAILABLE"] = 13;
            values[valuesById[14] = "ERROR_CODE_INTERNAL"] = 14;
            values[valuesById[15] = "ERROR_CODE_TIMEOUT"] = 15;
            values[valuesById[16] = "ERROR_CODE_CONNECTION_CLOSED"] = 16;
            values[valuesById[17] = "ERROR_CODE_UNSUPPORTED_VERSION"] = 17;
            values[valuesById[18] = "ERROR_CODE_MEDIA_INTEGRITY"] = 18;
            values[valuesById[19] = "ERROR_CODE_MEDIA_TOO_LARGE"] = 19;
            values[valuesById[20] = "ERROR_CODE_TICKET_INVALID"] = 20;
            values[valuesById[21] = "ERROR_CODE_DECRYPTION_FAILED"] = 21;
            values[valuesById[22] = "ERROR_CODE_UNTRUSTED_IDENTITY"] = 22;
            values[valuesById[23] = "ERROR_CODE_GROUP_FULL"] = 23;
            values[valuesById[24] = "ERROR_CODE_NOT_GROUP_MEMBER"] = 24;
            values[valuesById[25] = "ERROR_CODE_BAD_SIGNATURE"] = 25;
            values[valuesById[26] = "ERROR_CODE_STORE_FAILED"] = 26;
            values[valuesById[27] = "ERROR_CODE_CLOSED"] = 27;
            values[valuesById[28] = "ERROR_CODE_OVERLOADED"] = 28;
            values[valuesById[29] = "ERROR_CODE_GROUP_ADD_REFUSED"] = 29;
            return values;
        })();

        v1.Error = (function() {

            const Error = function (properties) {
                this.userIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Error.prototype.code = 0;
            Error.prototype.message = "";
            Error.prototype.retryable = false;
            Error.prototype.retryAfterMs = 0;
            Error.prototype.devicesMismatch = null;
            Error.prototype.userIds = $util.emptyArray;

            Error.create = function(properties) {
                return new Error(properties);
            };

            Error.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                    writer.uint32(8).int32(message.code);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                    writer.uint32(18).string(message.message);
                if (message.retryable != null && $Object.hasOwnProperty.call(message, "retryable") && message.retryable !== false)
                    writer.uint32(24).bool(message.retryable);
                if (message.retryAfterMs != null && $Object.hasOwnProperty.call(message, "retryAfterMs") && message.retryAfterMs !== 0)
                    writer.uint32(32).uint32(message.retryAfterMs);
                if (message.devicesMismatch != null && $Object.hasOwnProperty.call(message, "devicesMismatch"))
                    $root.parley.v1.DevicesMismatch.encode(message.devicesMismatch, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.userIds != null && message.userIds.length)
                    for (let i = 0; i < message.userIds.length; ++i)
                        writer.uint32(50).string(message.userIds[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Error.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Error();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.code = value;
                            else
                                delete message.code;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.message = value;
                            else
                                delete message.message;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.retryable = value;
                            else
                                delete message.retryable;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.retryAfterMs = value;
                            else
                                delete message.retryAfterMs;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.devicesMismatch = $root.parley.v1.DevicesMismatch.decode(reader, reader.size(), $undefined, _depth + 1, message.devicesMismatch);
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if (!(message.userIds && message.userIds.length))
                                message.userIds = [];
                            message.userIds.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Error.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Error)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Error: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Error();
                if (object.code !== 0 && (typeof object.code !== "string" || $root.parley.v1.ErrorCode[object.code] !== 0))
                    switch (object.code) {
                    case "ERROR_CODE_UNSPECIFIED":
                    case 0:
                        message.code = 0;
                        break;
                    case "ERROR_CODE_BAD_FRAME":
                    case 1:
                        message.code = 1;
                        break;
                    case "ERROR_CODE_FRAME_TOO_LARGE":
                    case 2:
                        message.code = 2;
                        break;
                    case "ERROR_CODE_UNAUTHENTICATED":
                    case 3:
                        message.code = 3;
                        break;
                    case "ERROR_CODE_AUTH_FAILED":
                    case 4:
                        message.code = 4;
                        break;
                    case "ERROR_CODE_FORBIDDEN":
                    case 5:
                        message.code = 5;
                        break;
                    case "ERROR_CODE_UNKNOWN_RECIPIENT":
                    case 6:
                        message.code = 6;
                        break;
                    case "ERROR_CODE_DEVICES_MISMATCH":
                    case 7:
                        message.code = 7;
                        break;
                    case "ERROR_CODE_RATE_LIMITED":
                    case 8:
                        message.code = 8;
                        break;
                    case "ERROR_CODE_QUEUE_FULL":
                    case 9:
                        message.code = 9;
                        break;
                    case "ERROR_CODE_NOT_FOUND":
                    case 10:
                        message.code = 10;
                        break;
                    case "ERROR_CODE_CONFLICT":
                    case 11:
                        message.code = 11;
                        break;
                    case "ERROR_CODE_INVALID_ARGUMENT":
                    case 12:
                        message.code = 12;
                        break;
                    case "ERROR_CODE_UNAVAILABLE":
                    case 13:
                        message.code = 13;
                        break;
                    case "ERROR_CODE_INTERNAL":
                    case 14:
                        message.code = 14;
                        break;
                    case "ERROR_CODE_TIMEOUT":
                    case 15:
                        message.code = 15;
                        break;
                    case "ERROR_CODE_CONNECTION_CLOSED":
                    case 16:
                        message.code = 16;
                        break;
                    case "ERROR_CODE_UNSUPPORTED_VERSION":
                    case 17:
                        message.code = 17;
                        break;
                    case "ERROR_CODE_MEDIA_INTEGRITY":
                    case 18:
                        message.code = 18;
                        break;
                    case "ERROR_CODE_MEDIA_TOO_LARGE":
                    case 19:
                        message.code = 19;
                        break;
                    case "ERROR_CODE_TICKET_INVALID":
                    case 20:
                        message.code = 20;
                        break;
                    case "ERROR_CODE_DECRYPTION_FAILED":
                    case 21:
                        message.code = 21;
                        break;
                    case "ERROR_CODE_UNTRUSTED_IDENTITY":
                    case 22:
                        message.code = 22;
                        break;
                    case "ERROR_CODE_GROUP_FULL":
                    case 23:
                        message.code = 23;
                        break;
                    case "ERROR_CODE_NOT_GROUP_MEMBER":
                    case 24:
                        message.code = 24;
                        break;
                    case "ERROR_CODE_BAD_SIGNATURE":
                    case 25:
                        message.code = 25;
                        break;
                    case "ERROR_CODE_STORE_FAILED":
                    case 26:
                        message.code = 26;
                        break;
                    case "ERROR_CODE_CLOSED":
                    case 27:
                        message.code = 27;
                        break;
                    case "ERROR_CODE_OVERLOADED":
                    case 28:
                        message.code = 28;
                        break;
                    case "ERROR_CODE_GROUP_ADD_REFUSED":
                    case 29:
                        message.code = 29;
                        break;
                    default:
                        if (typeof object.code === "number" && (object.code | 0) === object.code)
                            message.code = object.code;
                    }
                if (object.message != null)
                    if (typeof object.message !== "string" || object.message.length)
                        message.message = $String(object.message);
                if (object.retryable != null)
                    if (object.retryable)
                        message.retryable = $Boolean(object.retryable);
                if (object.retryAfterMs != null)
                    if ($Number(object.retryAfterMs) !== 0)
                        message.retryAfterMs = object.retryAfterMs >>> 0;
                if (object.devicesMismatch != null) {
                    if (!$util.isObject(object.devicesMismatch))
                        throw $TypeError(".parley.v1.Error.devicesMismatch: object expected");
                    message.devicesMismatch = $root.parley.v1.DevicesMismatch.fromObject(object.devicesMismatch, _depth + 1);
                }
                if (object.userIds) {
                    if (!$Array.isArray(object.userIds))
                        throw $TypeError(".parley.v1.Error.userIds: array expected");
                    message.userIds = $Array(object.userIds.length);
                    for (let i = 0; i < object.userIds.length; ++i)
                        message.userIds[i] = $String(object.userIds[i]);
                }
                return message;
            };

            Error.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.userIds = [];
                if (options.defaults) {
                    object.code = options.enums === $String ? "ERROR_CODE_UNSPECIFIED" : 0;
                    object.message = "";
                    object.retryable = false;
                    object.retryAfterMs = 0;
                    object.devicesMismatch = null;
                }
                if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                    object.code = options.enums === $String ? $root.parley.v1.ErrorCode[message.code] === $undefined ? message.code : $root.parley.v1.ErrorCode[message.code] : message.code;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    object.message = message.message;
                if (message.retryable != null && $Object.hasOwnProperty.call(message, "retryable"))
                    object.retryable = message.retryable;
                if (message.retryAfterMs != null && $Object.hasOwnProperty.call(message, "retryAfterMs"))
                    object.retryAfterMs = message.retryAfterMs;
                if (message.devicesMismatch != null && $Object.hasOwnProperty.call(message, "devicesMismatch"))
                    object.devicesMismatch = $root.parley.v1.DevicesMismatch.toObject(message.devicesMismatch, options, _depth + 1);
                if (message.userIds && message.userIds.length) {
                    object.userIds = $Array(message.userIds.length);
                    for (let j = 0; j < message.userIds.length; ++j)
                        object.userIds[j] = message.userIds[j];
                }
                return object;
            };

            Error.prototype.toJSON = function() {
                return Error.toObject(this, $protobuf.util.toJSONOptions);
            };

            Error.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Error";
            };

            return Error;
        })();

        v1.DevicesMismatch = (function() {

            const DevicesMismatch = function (properties) {
                this.missing = [];
                this.extra = [];
                this.stale = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DevicesMismatch.prototype.missing = $util.emptyArray;
            DevicesMismatch.prototype.extra = $util.emptyArray;
            DevicesMismatch.prototype.stale = $util.emptyArray;

            DevicesMismatch.create = function(properties) {
                return new DevicesMismatch(properties);
            };

            DevicesMismatch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.missing != null && message.missing.length)
                    for (let i = 0; i < message.missing.length; ++i)
                        $root.parley.v1.Address.encode(message.missing[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.extra != null && message.extra.length)
                    for (let i = 0; i < message.extra.length; ++i)
                        $root.parley.v1.Address.encode(message.extra[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.stale != null && message.stale.length)
                    for (let i = 0; i < message.stale.length; ++i)
                        $root.parley.v1.Address.encode(message.stale[i], writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DevicesMismatch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DevicesMismatch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.missing && message.missing.length))
                                message.missing = [];
                            message.missing.push($root.parley.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.extra && message.extra.length))
                                message.extra = [];
                            message.extra.push($root.parley.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.stale && message.stale.length))
                                message.stale = [];
                            message.stale.push($root.parley.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DevicesMismatch.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DevicesMismatch)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DevicesMismatch: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DevicesMismatch();
                if (object.missing) {
                    if (!$Array.isArray(object.missing))
                        throw $TypeError(".parley.v1.DevicesMismatch.missing: array expected");
                    message.missing = $Array(object.missing.length);
                    for (let i = 0; i < object.missing.length; ++i) {
                        if (!$util.isObject(object.missing[i]))
                            throw $TypeError(".parley.v1.DevicesMismatch.missing: object expected");
                        message.missing[i] = $root.parley.v1.Address.fromObject(object.missing[i], _depth + 1);
                    }
                }
                if (object.extra) {
                    if (!$Array.isArray(object.extra))
                        throw $TypeError(".parley.v1.DevicesMismatch.extra: array expected");
                    message.extra = $Array(object.extra.length);
                    for (let i = 0; i < object.extra.length; ++i) {
                        if (!$util.isObject(object.extra[i]))
                            throw $TypeError(".parley.v1.DevicesMismatch.extra: object expected");
                        message.extra[i] = $root.parley.v1.Address.fromObject(object.extra[i], _depth + 1);
                    }
                }
                if (object.stale) {
                    if (!$Array.isArray(object.stale))
                        throw $TypeError(".parley.v1.DevicesMismatch.stale: array expected");
                    message.stale = $Array(object.stale.length);
                    for (let i = 0; i < object.stale.length; ++i) {
                        if (!$util.isObject(object.stale[i]))
                            throw $TypeError(".parley.v1.DevicesMismatch.stale: object expected");
                        message.stale[i] = $root.parley.v1.Address.fromObject(object.stale[i], _depth + 1);
                    }
                }
                return message;
            };

            DevicesMismatch.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.missing = [];
                    object.extra = [];
                    object.stale = [];
                }
                if (message.missing && message.missing.length) {
                    object.missing = $Array(message.missing.length);
                    for (let j = 0; j < message.missing.length; ++j)
                        object.missing[j] = $root.parley.v1.Address.toObject(message.missing[j], options, _depth + 1);
                }
                if (message.extra && message.extra.length) {
                    object.extra = $Array(message.extra.length);
                    for (let j = 0; j < message.extra.length; ++j)
                        object.extra[j] = $root.parley.v1.Address.toObject(message.extra[j], options, _depth + 1);
                }
                if (message.stale && message.stale.length) {
                    object.stale = $Array(message.stale.length);
                    for (let j = 0; j < message.stale.length; ++j)
                        object.stale[j] = $root.parley.v1.Address.toObject(message.stale[j], options, _depth + 1);
                }
                return object;
            };

            DevicesMismatch.prototype.toJSON = function() {
                return DevicesMismatch.toObject(this, $protobuf.util.toJSONOptions);
            };

            DevicesMismatch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DevicesMismatch";
            };

            return DevicesMismatch;
        })();

        v1.ClientFrame = (function() {

            const ClientFrame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ClientFrame.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ClientFrame.prototype.hello = null;
            ClientFrame.prototype.auth = null;
            ClientFrame.prototype.ping = null;
            ClientFrame.prototype.pong = null;
            ClientFrame.prototype.send = null;
            ClientFrame.prototype.deliverAck = null;
            ClientFrame.prototype.receipt = null;
            ClientFrame.prototype.presenceSubscribe = null;
            ClientFrame.prototype.presenceUnsubscribe = null;
            ClientFrame.prototype.setActive = null;
            ClientFrame.prototype.setPrivacy = null;
            ClientFrame.prototype.setContacts = null;
            ClientFrame.prototype.typing = null;
            ClientFrame.prototype.registerPushToken = null;
            ClientFrame.prototype.groupChange = null;
            ClientFrame.prototype.groupGet = null;
            ClientFrame.prototype.groupList = null;
            ClientFrame.prototype.groupHistory = null;
            ClientFrame.prototype.groupReceipts = null;
            ClientFrame.prototype.keysUpload = null;
            ClientFrame.prototype.keysFetch = null;
            ClientFrame.prototype.keysCount = null;
            ClientFrame.prototype.devicesGet = null;
            ClientFrame.prototype.deviceRemove = null;
            ClientFrame.prototype.deviceListAppend = null;
            ClientFrame.prototype.mediaUpload = null;
            ClientFrame.prototype.mediaDownload = null;
            ClientFrame.prototype.mediaDelete = null;

            let $oneOfFields;

            $Object.defineProperty(ClientFrame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "auth", "ping", "pong", "send", "deliverAck", "receipt", "presenceSubscribe", "presenceUnsubscribe", "setActive", "setPrivacy", "setContacts", "typing", "registerPushToken", "groupChange", "groupGet", "groupList", "groupHistory", "groupReceipts", "keysUpload", "keysFetch", "keysCount", "devicesGet", "deviceRemove", "deviceListAppend", "mediaUpload", "mediaDownload", "mediaDelete"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            ClientFrame.create = function(properties) {
                return new ClientFrame(properties);
            };

            ClientFrame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(8).uint64(message.requestId);
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                    $root.parley.v1.Hello.encode(message.hello, writer.uint32(82).fork(), _depth + 1).ldelim();
                if (message.auth != null && $Object.hasOwnProperty.call(message, "auth"))
                    $root.parley.v1.Auth.encode(message.auth, writer.uint32(90).fork(), _depth + 1).ldelim();
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping"))
                    $root.parley.v1.Ping.encode(message.ping, writer.uint32(98).fork(), _depth + 1).ldelim();
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong"))
                    $root.parley.v1.Pong.encode(message.pong, writer.uint32(106).fork(), _depth + 1).ldelim();
                if (message.send != null && $Object.hasOwnProperty.call(message, "send"))
                    $root.parley.v1.Send.encode(message.send, writer.uint32(162).fork(), _depth + 1).ldelim();
                if (message.deliverAck != null && $Object.hasOwnProperty.call(message, "deliverAck"))
                    $root.parley.v1.DeliverAck.encode(message.deliverAck, writer.uint32(170).fork(), _depth + 1).ldelim();
                if (message.receipt != null && $Object.hasOwnProperty.call(message, "receipt"))
                    $root.parley.v1.Receipt.encode(message.receipt, writer.uint32(178).fork(), _depth + 1).ldelim();
                if (message.presenceSubscribe != null && $Object.hasOwnProperty.call(message, "presenceSubscribe"))
                    $root.parley.v1.PresenceSubscribe.encode(message.presenceSubscribe, writer.uint32(242).fork(), _depth + 1).ldelim();
                if (message.presenceUnsubscribe != null && $Object.hasOwnProperty.call(message, "presenceUnsubscribe"))
                    $root.parley.v1.PresenceUnsubscribe.encode(message.presenceUnsubscribe, writer.uint32(250).fork(), _depth + 1).ldelim();
                if (message.setActive != null && $Object.hasOwnProperty.call(message, "setActive"))
                    $root.parley.v1.SetActive.encode(message.setActive, writer.uint32(258).fork(), _depth + 1).ldelim();
                if (message.setPrivacy != null && $Object.hasOwnProperty.call(message, "setPrivacy"))
                    $root.parley.v1.SetPrivacy.encode(message.setPrivacy, writer.uint32(266).fork(), _depth + 1).ldelim();
                if (message.setContacts != null && $Object.hasOwnProperty.call(message, "setContacts"))
                    $root.parley.v1.SetContacts.encode(message.setContacts, writer.uint32(274).fork(), _depth + 1).ldelim();
                if (message.typing != null && $Object.hasOwnProperty.call(message, "typing"))
                    $root.parley.v1.Typing.encode(message.typing, writer.uint32(282).fork(), _depth + 1).ldelim();
                if (message.registerPushToken != null && $Object.hasOwnProperty.call(message, "registerPushToken"))
                    $root.parley.v1.RegisterPushToken.encode(message.registerPushToken, writer.uint32(290).fork(), _depth + 1).ldelim();
                if (message.groupChange != null && $Object.hasOwnProperty.call(message, "groupChange"))
                    $root.parley.v1.GroupChange.encode(message.groupChange, writer.uint32(322).fork(), _depth + 1).ldelim();
                if (message.groupGet != null && $Object.hasOwnProperty.call(message, "groupGet"))
                    $root.parley.v1.GroupGet.encode(message.groupGet, writer.uint32(330).fork(), _depth + 1).ldelim();
                if (message.groupList != null && $Object.hasOwnProperty.call(message, "groupList"))
                    $root.parley.v1.GroupListRequest.encode(message.groupList, writer.uint32(338).fork(), _depth + 1).ldelim();
                if (message.groupHistory != null && $Object.hasOwnProperty.call(message, "groupHistory"))
                    $root.parley.v1.GroupHistoryRequest.encode(message.groupHistory, writer.uint32(346).fork(), _depth + 1).ldelim();
                if (message.groupReceipts != null && $Object.hasOwnProperty.call(message, "groupReceipts"))
                    $root.parley.v1.GroupReceiptsRequest.encode(message.groupReceipts, writer.uint32(354).fork(), _depth + 1).ldelim();
                if (message.keysUpload != null && $Object.hasOwnProperty.call(message, "keysUpload"))
                    $root.parley.v1.KeysUpload.encode(message.keysUpload, writer.uint32(402).fork(), _depth + 1).ldelim();
                if (message.keysFetch != null && $Object.hasOwnProperty.call(message, "keysFetch"))
                    $root.parley.v1.KeysFetch.encode(message.keysFetch, writer.uint32(410).fork(), _depth + 1).ldelim();
                if (message.keysCount != null && $Object.hasOwnProperty.call(message, "keysCount"))
                    $root.parley.v1.KeysCount.encode(message.keysCount, writer.uint32(418).fork(), _depth + 1).ldelim();
                if (message.devicesGet != null && $Object.hasOwnProperty.call(message, "devicesGet"))
                    $root.parley.v1.DevicesGet.encode(message.devicesGet, writer.uint32(426).fork(), _depth + 1).ldelim();
                if (message.deviceRemove != null && $Object.hasOwnProperty.call(message, "deviceRemove"))
                    $root.parley.v1.DeviceRemove.encode(message.deviceRemove, writer.uint32(434).fork(), _depth + 1).ldelim();
                if (message.deviceListAppend != null && $Object.hasOwnProperty.call(message, "deviceListAppend"))
                    $root.parley.v1.DeviceListAppend.encode(message.deviceListAppend, writer.uint32(442).fork(), _depth + 1).ldelim();
                if (message.mediaUpload != null && $Object.hasOwnProperty.call(message, "mediaUpload"))
                    $root.parley.v1.MediaUploadRequest.encode(message.mediaUpload, writer.uint32(482).fork(), _depth + 1).ldelim();
                if (message.mediaDownload != null && $Object.hasOwnProperty.call(message, "mediaDownload"))
                    $root.parley.v1.MediaDownloadRequest.encode(message.mediaDownload, writer.uint32(490).fork(), _depth + 1).ldelim();
                if (message.mediaDelete != null && $Object.hasOwnProperty.call(message, "mediaDelete"))
                    $root.parley.v1.MediaDeleteRequest.encode(message.mediaDelete, writer.uint32(498).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ClientFrame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.ClientFrame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.hello = $root.parley.v1.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                            message.body = "hello";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.auth = $root.parley.v1.Auth.decode(reader, reader.size(), $undefined, _depth + 1, message.auth);
                            message.body = "auth";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.ping = $root.parley.v1.Ping.decode(reader, reader.size(), $undefined, _depth + 1, message.ping);
                            message.body = "ping";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.pong = $root.parley.v1.Pong.decode(reader, reader.size(), $undefined, _depth + 1, message.pong);
                            message.body = "pong";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            message.send = $root.parley.v1.Send.decode(reader, reader.size(), $undefined, _depth + 1, message.send);
                            message.body = "send";
                            continue;
                        }
                    case 21: {
                            if (wireType !== 2)
                                break;
                            message.deliverAck = $root.parley.v1.DeliverAck.decode(reader, reader.size(), $undefined, _depth + 1, message.deliverAck);
                            message.body = "deliverAck";
                            continue;
                        }
                    case 22: {
                            if (wireType !== 2)
                                break;
                            message.receipt = $root.parley.v1.Receipt.decode(reader, reader.size(), $undefined, _depth + 1, message.receipt);
                            message.body = "receipt";
                            continue;
                        }
                    case 30: {
                            if (wireType !== 2)
                                break;
                            message.presenceSubscribe = $root.parley.v1.PresenceSubscribe.decode(reader, reader.size(), $undefined, _depth + 1, message.presenceSubscribe);
                            message.body = "presenceSubscribe";
                            continue;
                        }
                    case 31: {
                            if (wireType !== 2)
                                break;
                            message.presenceUnsubscribe = $root.parley.v1.PresenceUnsubscribe.decode(reader, reader.size(), $undefined, _depth + 1, message.presenceUnsubscribe);
                            message.body = "presenceUnsubscribe";
                            continue;
                        }
                    case 32: {
                            if (wireType !== 2)
                                break;
                            message.setActive = $root.parley.v1.SetActive.decode(reader, reader.size(), $undefined, _depth + 1, message.setActive);
                            message.body = "setActive";
                            continue;
                        }
                    case 33: {
                            if (wireType !== 2)
                                break;
                            message.setPrivacy = $root.parley.v1.SetPrivacy.decode(reader, reader.size(), $undefined, _depth + 1, message.setPrivacy);
                            message.body = "setPrivacy";
                            continue;
                        }
                    case 34: {
                            if (wireType !== 2)
                                break;
                            message.setContacts = $root.parley.v1.SetContacts.decode(reader, reader.size(), $undefined, _depth + 1, message.setContacts);
                            message.body = "setContacts";
                            continue;
                        }
                    case 35: {
                            if (wireType !== 2)
                                break;
                            message.typing = $root.parley.v1.Typing.decode(reader, reader.size(), $undefined, _depth + 1, message.typing);
                            message.body = "typing";
                            continue;
                        }
                    case 36: {
                            if (wireType !== 2)
                                break;
                            message.registerPushToken = $root.parley.v1.RegisterPushToken.decode(reader, reader.size(), $undefined, _depth + 1, message.registerPushToken);
                            message.body = "registerPushToken";
                            continue;
                        }
                    case 40: {
                            if (wireType !== 2)
                                break;
                            message.groupChange = $root.parley.v1.GroupChange.decode(reader, reader.size(), $undefined, _depth + 1, message.groupChange);
                            message.body = "groupChange";
                            continue;
                        }
                    case 41: {
                            if (wireType !== 2)
                                break;
                            message.groupGet = $root.parley.v1.GroupGet.decode(reader, reader.size(), $undefined, _depth + 1, message.groupGet);
                            message.body = "groupGet";
                            continue;
                        }
                    case 42: {
                            if (wireType !== 2)
                                break;
                            message.groupList = $root.parley.v1.GroupListRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.groupList);
                            message.body = "groupList";
                            continue;
                        }
                    case 43: {
                            if (wireType !== 2)
                                break;
                            message.groupHistory = $root.parley.v1.GroupHistoryRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.groupHistory);
                            message.body = "groupHistory";
                            continue;
                        }
                    case 44: {
                            if (wireType !== 2)
                                break;
                            message.groupReceipts = $root.parley.v1.GroupReceiptsRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.groupReceipts);
                            message.body = "groupReceipts";
                            continue;
                        }
                    case 50: {
                            if (wireType !== 2)
                                break;
                            message.keysUpload = $root.parley.v1.KeysUpload.decode(reader, reader.size(), $undefined, _depth + 1, message.keysUpload);
                            message.body = "keysUpload";
                            continue;
                        }
                    case 51: {
                            if (wireType !== 2)
                                break;
                            message.keysFetch = $root.parley.v1.KeysFetch.decode(reader, reader.size(), $undefined, _depth + 1, message.keysFetch);
                            message.body = "keysFetch";
                            continue;
                        }
                    case 52: {
                            if (wireType !== 2)
                                break;
                            message.keysCount = $root.parley.v1.KeysCount.decode(reader, reader.size(), $undefined, _depth + 1, message.keysCount);
                            message.body = "keysCount";
                            continue;
                        }
                    case 53: {
                            if (wireType !== 2)
                                break;
                            message.devicesGet = $root.parley.v1.DevicesGet.decode(reader, reader.size(), $undefined, _depth + 1, message.devicesGet);
                            message.body = "devicesGet";
                            continue;
                        }
                    case 54: {
                            if (wireType !== 2)
                                break;
                            message.deviceRemove = $root.parley.v1.DeviceRemove.decode(reader, reader.size(), $undefined, _depth + 1, message.deviceRemove);
                            message.body = "deviceRemove";
                            continue;
                        }
                    case 55: {
                            if (wireType !== 2)
                                break;
                            message.deviceListAppend = $root.parley.v1.DeviceListAppend.decode(reader, reader.size(), $undefined, _depth + 1, message.deviceListAppend);
                            message.body = "deviceListAppend";
                            continue;
                        }
                    case 60: {
                            if (wireType !== 2)
                                break;
                            message.mediaUpload = $root.parley.v1.MediaUploadRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.mediaUpload);
                            message.body = "mediaUpload";
                            continue;
                        }
                    case 61: {
                            if (wireType !== 2)
                                break;
                            message.mediaDownload = $root.parley.v1.MediaDownloadRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.mediaDownload);
                            message.body = "mediaDownload";
                            continue;
                        }
                    case 62: {
                            if (wireType !== 2)
                                break;
                            message.mediaDelete = $root.parley.v1.MediaDeleteRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.mediaDelete);
                            message.body = "mediaDelete";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ClientFrame.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.ClientFrame)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.ClientFrame: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.ClientFrame();
                if (object.requestId != null)
                    if (typeof object.requestId === "object" ? object.requestId.low || object.requestId.high : $Number(object.requestId) !== 0)
                        if ($util.Long)
                            message.requestId = $util.Long.fromValue(object.requestId, true);
                        else if (typeof object.requestId === "string")
                            message.requestId = $parseInt(object.requestId, 10);
                        else if (typeof object.requestId === "number")
                            message.requestId = object.requestId;
                        else if (typeof object.requestId === "object")
                            message.requestId = new $util.LongBits(object.requestId.low >>> 0, object.requestId.high >>> 0).toNumber(true);
                if (object.hello != null) {
                    if (!$util.isObject(object.hello))
                        throw $TypeError(".parley.v1.ClientFrame.hello: object expected");
                    message.hello = $root.parley.v1.Hello.fromObject(object.hello, _depth + 1);
                }
                if (object.auth != null) {
                    if (!$util.isObject(object.auth))
                        throw $TypeError(".parley.v1.ClientFrame.auth: object expected");
                    message.auth = $root.parley.v1.Auth.fromObject(object.auth, _depth + 1);
                }
                if (object.ping != null) {
                    if (!$util.isObject(object.ping))
                        throw $TypeError(".parley.v1.ClientFrame.ping: object expected");
                    message.ping = $root.parley.v1.Ping.fromObject(object.ping, _depth + 1);
                }
                if (object.pong != null) {
                    if (!$util.isObject(object.pong))
                        throw $TypeError(".parley.v1.ClientFrame.pong: object expected");
                    message.pong = $root.parley.v1.Pong.fromObject(object.pong, _depth + 1);
                }
                if (object.send != null) {
                    if (!$util.isObject(object.send))
                        throw $TypeError(".parley.v1.ClientFrame.send: object expected");
                    message.send = $root.parley.v1.Send.fromObject(object.send, _depth + 1);
                }
                if (object.deliverAck != null) {
                    if (!$util.isObject(object.deliverAck))
                        throw $TypeError(".parley.v1.ClientFrame.deliverAck: object expected");
                    message.deliverAck = $root.parley.v1.DeliverAck.fromObject(object.deliverAck, _depth + 1);
                }
                if (object.receipt != null) {
                    if (!$util.isObject(object.receipt))
                        throw $TypeError(".parley.v1.ClientFrame.receipt: object expected");
                    message.receipt = $root.parley.v1.Receipt.fromObject(object.receipt, _depth + 1);
                }
                if (object.presenceSubscribe != null) {
                    if (!$util.isObject(object.presenceSubscribe))
                        throw $TypeError(".parley.v1.ClientFrame.presenceSubscribe: object expected");
                    message.presenceSubscribe = $root.parley.v1.PresenceSubscribe.fromObject(object.presenceSubscribe, _depth + 1);
                }
                if (object.presenceUnsubscribe != null) {
                    if (!$util.isObject(object.presenceUnsubscribe))
                        throw $TypeError(".parley.v1.ClientFrame.presenceUnsubscribe: object expected");
                    message.presenceUnsubscribe = $root.parley.v1.PresenceUnsubscribe.fromObject(object.presenceUnsubscribe, _depth + 1);
                }
                if (object.setActive != null) {
                    if (!$util.isObject(object.setActive))
                        throw $TypeError(".parley.v1.ClientFrame.setActive: object expected");
                    message.setActive = $root.parley.v1.SetActive.fromObject(object.setActive, _depth + 1);
                }
                if (object.setPrivacy != null) {
                    if (!$util.isObject(object.setPrivacy))
                        throw $TypeError(".parley.v1.ClientFrame.setPrivacy: object expected");
                    message.setPrivacy = $root.parley.v1.SetPrivacy.fromObject(object.setPrivacy, _depth + 1);
                }
                if (object.setContacts != null) {
                    if (!$util.isObject(object.setContacts))
                        throw $TypeError(".parley.v1.ClientFrame.setContacts: object expected");
                    message.setContacts = $root.parley.v1.SetContacts.fromObject(object.setContacts, _depth + 1);
                }
                if (object.typing != null) {
                    if (!$util.isObject(object.typing))
                        throw $TypeError(".parley.v1.ClientFrame.typing: object expected");
                    message.typing = $root.parley.v1.Typing.fromObject(object.typing, _depth + 1);
                }
                if (object.registerPushToken != null) {
                    if (!$util.isObject(object.registerPushToken))
                        throw $TypeError(".parley.v1.ClientFrame.registerPushToken: object expected");
                    message.registerPushToken = $root.parley.v1.RegisterPushToken.fromObject(object.registerPushToken, _depth + 1);
                }
                if (object.groupChange != null) {
                    if (!$util.isObject(object.groupChange))
                        throw $TypeError(".parley.v1.ClientFrame.groupChange: object expected");
                    message.groupChange = $root.parley.v1.GroupChange.fromObject(object.groupChange, _depth + 1);
                }
                if (object.groupGet != null) {
                    if (!$util.isObject(object.groupGet))
                        throw $TypeError(".parley.v1.ClientFrame.groupGet: object expected");
                    message.groupGet = $root.parley.v1.GroupGet.fromObject(object.groupGet, _depth + 1);
                }
                if (object.groupList != null) {
                    if (!$util.isObject(object.groupList))
                        throw $TypeError(".parley.v1.ClientFrame.groupList: object expected");
                    message.groupList = $root.parley.v1.GroupListRequest.fromObject(object.groupList, _depth + 1);
                }
                if (object.groupHistory != null) {
                    if (!$util.isObject(object.groupHistory))
                        throw $TypeError(".parley.v1.ClientFrame.groupHistory: object expected");
                    message.groupHistory = $root.parley.v1.GroupHistoryRequest.fromObject(object.groupHistory, _depth + 1);
                }
                if (object.groupReceipts != null) {
                    if (!$util.isObject(object.groupReceipts))
                        throw $TypeError(".parley.v1.ClientFrame.groupReceipts: object expected");
                    message.groupReceipts = $root.parley.v1.GroupReceiptsRequest.fromObject(object.groupReceipts, _depth + 1);
                }
                if (object.keysUpload != null) {
                    if (!$util.isObject(object.keysUpload))
                        throw $TypeError(".parley.v1.ClientFrame.keysUpload: object expected");
                    message.keysUpload = $root.parley.v1.KeysUpload.fromObject(object.keysUpload, _depth + 1);
                }
                if (object.keysFetch != null) {
                    if (!$util.isObject(object.keysFetch))
                        throw $TypeError(".parley.v1.ClientFrame.keysFetch: object expected");
                    message.keysFetch = $root.parley.v1.KeysFetch.fromObject(object.keysFetch, _depth + 1);
                }
                if (object.keysCount != null) {
                    if (!$util.isObject(object.keysCount))
                        throw $TypeError(".parley.v1.ClientFrame.keysCount: object expected");
                    message.keysCount = $root.parley.v1.KeysCount.fromObject(object.keysCount, _depth + 1);
                }
                if (object.devicesGet != null) {
                    if (!$util.isObject(object.devicesGet))
                        throw $TypeError(".parley.v1.ClientFrame.devicesGet: object expected");
                    message.devicesGet = $root.parley.v1.DevicesGet.fromObject(object.devicesGet, _depth + 1);
                }
                if (object.deviceRemove != null) {
                    if (!$util.isObject(object.deviceRemove))
                        throw $TypeError(".parley.v1.ClientFrame.deviceRemove: object expected");
                    message.deviceRemove = $root.parley.v1.DeviceRemove.fromObject(object.deviceRemove, _depth + 1);
                }
                if (object.deviceListAppend != null) {
                    if (!$util.isObject(object.deviceListAppend))
                        throw $TypeError(".parley.v1.ClientFrame.deviceListAppend: object expected");
                    message.deviceListAppend = $root.parley.v1.DeviceListAppend.fromObject(object.deviceListAppend, _depth + 1);
                }
                if (object.mediaUpload != null) {
                    if (!$util.isObject(object.mediaUpload))
                        throw $TypeError(".parley.v1.ClientFrame.mediaUpload: object expected");
                    message.mediaUpload = $root.parley.v1.MediaUploadRequest.fromObject(object.mediaUpload, _depth + 1);
                }
                if (object.mediaDownload != null) {
                    if (!$util.isObject(object.mediaDownload))
                        throw $TypeError(".parley.v1.ClientFrame.mediaDownload: object expected");
                    message.mediaDownload = $root.parley.v1.MediaDownloadRequest.fromObject(object.mediaDownload, _depth + 1);
                }
                if (object.mediaDelete != null) {
                    if (!$util.isObject(object.mediaDelete))
                        throw $TypeError(".parley.v1.ClientFrame.mediaDelete: object expected");
                    message.mediaDelete = $root.parley.v1.MediaDeleteRequest.fromObject(object.mediaDelete, _depth + 1);
                }
                return message;
            };

            ClientFrame.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.requestId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.requestId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                    else if (typeof message.requestId === "number")
                        object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                    else
                        object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                    object.hello = $root.parley.v1.Hello.toObject(message.hello, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "hello";
                }
                if (message.auth != null && $Object.hasOwnProperty.call(message, "auth")) {
                    object.auth = $root.parley.v1.Auth.toObject(message.auth, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "auth";
                }
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping")) {
                    object.ping = $root.parley.v1.Ping.toObject(message.ping, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "ping";
                }
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong")) {
                    object.pong = $root.parley.v1.Pong.toObject(message.pong, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "pong";
                }
                if (message.send != null && $Object.hasOwnProperty.call(message, "send")) {
                    object.send = $root.parley.v1.Send.toObject(message.send, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "send";
                }
                if (message.deliverAck != null && $Object.hasOwnProperty.call(message, "deliverAck")) {
                    object.deliverAck = $root.parley.v1.DeliverAck.toObject(message.deliverAck, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "deliverAck";
                }
                if (message.receipt != null && $Object.hasOwnProperty.call(message, "receipt")) {
                    object.receipt = $root.parley.v1.Receipt.toObject(message.receipt, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "receipt";
                }
                if (message.presenceSubscribe != null && $Object.hasOwnProperty.call(message, "presenceSubscribe")) {
                    object.presenceSubscribe = $root.parley.v1.PresenceSubscribe.toObject(message.presenceSubscribe, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "presenceSubscribe";
                }
                if (message.presenceUnsubscribe != null && $Object.hasOwnProperty.call(message, "presenceUnsubscribe")) {
                    object.presenceUnsubscribe = $root.parley.v1.PresenceUnsubscribe.toObject(message.presenceUnsubscribe, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "presenceUnsubscribe";
                }
                if (message.setActive != null && $Object.hasOwnProperty.call(message, "setActive")) {
                    object.setActive = $root.parley.v1.SetActive.toObject(message.setActive, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "setActive";
                }
                if (message.setPrivacy != null && $Object.hasOwnProperty.call(message, "setPrivacy")) {
                    object.setPrivacy = $root.parley.v1.SetPrivacy.toObject(message.setPrivacy, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "setPrivacy";
                }
                if (message.setContacts != null && $Object.hasOwnProperty.call(message, "setContacts")) {
                    object.setContacts = $root.parley.v1.SetContacts.toObject(message.setContacts, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "setContacts";
                }
                if (message.typing != null && $Object.hasOwnProperty.call(message, "typing")) {
                    object.typing = $root.parley.v1.Typing.toObject(message.typing, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "typing";
                }
                if (message.registerPushToken != null && $Object.hasOwnProperty.call(message, "registerPushToken")) {
                    object.registerPushToken = $root.parley.v1.RegisterPushToken.toObject(message.registerPushToken, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "registerPushToken";
                }
                if (message.groupChange != null && $Object.hasOwnProperty.call(message, "groupChange")) {
                    object.groupChange = $root.parley.v1.GroupChange.toObject(message.groupChange, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupChange";
                }
                if (message.groupGet != null && $Object.hasOwnProperty.call(message, "groupGet")) {
                    object.groupGet = $root.parley.v1.GroupGet.toObject(message.groupGet, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupGet";
                }
                if (message.groupList != null && $Object.hasOwnProperty.call(message, "groupList")) {
                    object.groupList = $root.parley.v1.GroupListRequest.toObject(message.groupList, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupList";
                }
                if (message.groupHistory != null && $Object.hasOwnProperty.call(message, "groupHistory")) {
                    object.groupHistory = $root.parley.v1.GroupHistoryRequest.toObject(message.groupHistory, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupHistory";
                }
                if (message.groupReceipts != null && $Object.hasOwnProperty.call(message, "groupReceipts")) {
                    object.groupReceipts = $root.parley.v1.GroupReceiptsRequest.toObject(message.groupReceipts, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupReceipts";
                }
                if (message.keysUpload != null && $Object.hasOwnProperty.call(message, "keysUpload")) {
                    object.keysUpload = $root.parley.v1.KeysUpload.toObject(message.keysUpload, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "keysUpload";
                }
                if (message.keysFetch != null && $Object.hasOwnProperty.call(message, "keysFetch")) {
                    object.keysFetch = $root.parley.v1.KeysFetch.toObject(message.keysFetch, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "keysFetch";
                }
                if (message.keysCount != null && $Object.hasOwnProperty.call(message, "keysCount")) {
                    object.keysCount = $root.parley.v1.KeysCount.toObject(message.keysCount, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "keysCount";
                }
                if (message.devicesGet != null && $Object.hasOwnProperty.call(message, "devicesGet")) {
                    object.devicesGet = $root.parley.v1.DevicesGet.toObject(message.devicesGet, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "devicesGet";
                }
                if (message.deviceRemove != null && $Object.hasOwnProperty.call(message, "deviceRemove")) {
                    object.deviceRemove = $root.parley.v1.DeviceRemove.toObject(message.deviceRemove, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "deviceRemove";
                }
                if (message.deviceListAppend != null && $Object.hasOwnProperty.call(message, "deviceListAppend")) {
                    object.deviceListAppend = $root.parley.v1.DeviceListAppend.toObject(message.deviceListAppend, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "deviceListAppend";
                }
                if (message.mediaUpload != null && $Object.hasOwnProperty.call(message, "mediaUpload")) {
                    object.mediaUpload = $root.parley.v1.MediaUploadRequest.toObject(message.mediaUpload, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "mediaUpload";
                }
                if (message.mediaDownload != null && $Object.hasOwnProperty.call(message, "mediaDownload")) {
                    object.mediaDownload = $root.parley.v1.MediaDownloadRequest.toObject(message.mediaDownload, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "mediaDownload";
                }
                if (message.mediaDelete != null && $Object.hasOwnProperty.call(message, "mediaDelete")) {
                    object.mediaDelete = $root.parley.v1.MediaDeleteRequest.toObject(message.mediaDelete, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "mediaDelete";
                }
                return object;
            };

            ClientFrame.prototype.toJSON = function() {
                return ClientFrame.toObject(this, $protobuf.util.toJSONOptions);
            };

            ClientFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.ClientFrame";
            };

            return ClientFrame;
        })();

        v1.Ok = (function() {

            const Ok = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Ok.create = function(properties) {
                return new Ok(properties);
            };

            Ok.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Ok.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Ok();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Ok.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Ok)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Ok: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.parley.v1.Ok();
            };

            Ok.toObject = function () {
                return {};
            };

            Ok.prototype.toJSON = function() {
                return Ok.toObject(this, $protobuf.util.toJSONOptions);
            };

            Ok.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Ok";
            };

            return Ok;
        })();

        v1.ServerFrame = (function() {

            const ServerFrame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            ServerFrame.prototype.requestId = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            ServerFrame.prototype.error = null;
            ServerFrame.prototype.ok = null;
            ServerFrame.prototype.challenge = null;
            ServerFrame.prototype.welcome = null;
            ServerFrame.prototype.ping = null;
            ServerFrame.prototype.pong = null;
            ServerFrame.prototype.goodbye = null;
            ServerFrame.prototype.sendAck = null;
            ServerFrame.prototype.deliver = null;
            ServerFrame.prototype.syncComplete = null;
            ServerFrame.prototype.presenceSnapshot = null;
            ServerFrame.prototype.presenceChanged = null;
            ServerFrame.prototype.typingChanged = null;
            ServerFrame.prototype.groupState = null;
            ServerFrame.prototype.groupList = null;
            ServerFrame.prototype.groupHistory = null;
            ServerFrame.prototype.groupReceipts = null;
            ServerFrame.prototype.keysUploadResult = null;
            ServerFrame.prototype.keysBundles = null;
            ServerFrame.prototype.prekeysLow = null;
            ServerFrame.prototype.deviceList = null;
            ServerFrame.prototype.mediaTicket = null;

            let $oneOfFields;

            $Object.defineProperty(ServerFrame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["error", "ok", "challenge", "welcome", "ping", "pong", "goodbye", "sendAck", "deliver", "syncComplete", "presenceSnapshot", "presenceChanged", "typingChanged", "groupState", "groupList", "groupHistory", "groupReceipts", "keysUploadResult", "keysBundles", "prekeysLow", "deviceList", "mediaTicket"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            ServerFrame.create = function(properties) {
                return new ServerFrame(properties);
            };

            ServerFrame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId") && (typeof message.requestId === "object" ? message.requestId.low || message.requestId.high : message.requestId !== 0))
                    writer.uint32(8).uint64(message.requestId);
                if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                    $root.parley.v1.Error.encode(message.error, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok"))
                    $root.parley.v1.Ok.encode(message.ok, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.challenge != null && $Object.hasOwnProperty.call(message, "challenge"))
                    $root.parley.v1.Challenge.encode(message.challenge, writer.uint32(82).fork(), _depth + 1).ldelim();
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome"))
                    $root.parley.v1.Welcome.encode(message.welcome, writer.uint32(90).fork(), _depth + 1).ldelim();
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping"))
                    $root.parley.v1.Ping.encode(message.ping, writer.uint32(98).fork(), _depth + 1).ldelim();
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong"))
                    $root.parley.v1.Pong.encode(message.pong, writer.uint32(106).fork(), _depth + 1).ldelim();
                if (message.goodbye != null && $Object.hasOwnProperty.call(message, "goodbye"))
                    $root.parley.v1.Goodbye.encode(message.goodbye, writer.uint32(114).fork(), _depth + 1).ldelim();
                if (message.sendAck != null && $Object.hasOwnProperty.call(message, "sendAck"))
                    $root.parley.v1.SendAck.encode(message.sendAck, writer.uint32(162).fork(), _depth + 1).ldelim();
                if (message.deliver != null && $Object.hasOwnProperty.call(message, "deliver"))
                    $root.parley.v1.Deliver.encode(message.deliver, writer.uint32(170).fork(), _depth + 1).ldelim();
                if (message.syncComplete != null && $Object.hasOwnProperty.call(message, "syncComplete"))
                    $root.parley.v1.SyncComplete.encode(message.syncComplete, writer.uint32(178).fork(), _depth + 1).ldelim();
                if (message.presenceSnapshot != null && $Object.hasOwnProperty.call(message, "presenceSnapshot"))
                    $root.parley.v1.PresenceSnapshot.encode(message.presenceSnapshot, writer.uint32(242).fork(), _depth + 1).ldelim();
                if (message.presenceChanged != null && $Object.hasOwnProperty.call(message, "presenceChanged"))
                    $root.parley.v1.PresenceChanged.encode(message.presenceChanged, writer.uint32(250).fork(), _depth + 1).ldelim();
                if (message.typingChanged != null && $Object.hasOwnProperty.call(message, "typingChanged"))
                    $root.parley.v1.TypingChanged.encode(message.typingChanged, writer.uint32(258).fork(), _depth + 1).ldelim();
                if (message.groupState != null && $Object.hasOwnProperty.call(message, "groupState"))
                    $root.parley.v1.GroupState.encode(message.groupState, writer.uint32(322).fork(), _depth + 1).ldelim();
                if (message.groupList != null && $Object.hasOwnProperty.call(message, "groupList"))
                    $root.parley.v1.GroupList.encode(message.groupList, writer.uint32(330).fork(), _depth + 1).ldelim();
                if (message.groupHistory != null && $Object.hasOwnProperty.call(message, "groupHistory"))
                    $root.parley.v1.GroupHistory.encode(message.groupHistory, writer.uint32(338).fork(), _depth + 1).ldelim();
                if (message.groupReceipts != null && $Object.hasOwnProperty.call(message, "groupReceipts"))
                    $root.parley.v1.GroupReceipts.encode(message.groupReceipts, writer.uint32(346).fork(), _depth + 1).ldelim();
                if (message.keysUploadResult != null && $Object.hasOwnProperty.call(message, "keysUploadResult"))
                    $root.parley.v1.KeysUploadResult.encode(message.keysUploadResult, writer.uint32(402).fork(), _depth + 1).ldelim();
                if (message.keysBundles != null && $Object.hasOwnProperty.call(message, "keysBundles"))
                    $root.parley.v1.KeysBundles.encode(message.keysBundles, writer.uint32(410).fork(), _depth + 1).ldelim();
                if (message.prekeysLow != null && $Object.hasOwnProperty.call(message, "prekeysLow"))
                    $root.parley.v1.PreKeysLow.encode(message.prekeysLow, writer.uint32(418).fork(), _depth + 1).ldelim();
                if (message.deviceList != null && $Object.hasOwnProperty.call(message, "deviceList"))
                    $root.parley.v1.DeviceList.encode(message.deviceList, writer.uint32(426).fork(), _depth + 1).ldelim();
                if (message.mediaTicket != null && $Object.hasOwnProperty.call(message, "mediaTicket"))
                    $root.parley.v1.MediaTicket.encode(message.mediaTicket, writer.uint32(482).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            ServerFrame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.ServerFrame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.requestId = value;
                            else
                                delete message.requestId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.error = $root.parley.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                            message.body = "error";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.ok = $root.parley.v1.Ok.decode(reader, reader.size(), $undefined, _depth + 1, message.ok);
                            message.body = "ok";
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.challenge = $root.parley.v1.Challenge.decode(reader, reader.size(), $undefined, _depth + 1, message.challenge);
                            message.body = "challenge";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.welcome = $root.parley.v1.Welcome.decode(reader, reader.size(), $undefined, _depth + 1, message.welcome);
                            message.body = "welcome";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.ping = $root.parley.v1.Ping.decode(reader, reader.size(), $undefined, _depth + 1, message.ping);
                            message.body = "ping";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.pong = $root.parley.v1.Pong.decode(reader, reader.size(), $undefined, _depth + 1, message.pong);
                            message.body = "pong";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            message.goodbye = $root.parley.v1.Goodbye.decode(reader, reader.size(), $undefined, _depth + 1, message.goodbye);
                            message.body = "goodbye";
                            continue;
                        }
                    case 20: {
                            if (wireType !== 2)
                                break;
                            message.sendAck = $root.parley.v1.SendAck.decode(reader, reader.size(), $undefined, _depth + 1, message.sendAck);
                            message.body = "sendAck";
                            continue;
                        }
                    case 21: {
                            if (wireType !== 2)
                                break;
                            message.deliver = $root.parley.v1.Deliver.decode(reader, reader.size(), $undefined, _depth + 1, message.deliver);
                            message.body = "deliver";
                            continue;
                        }
                    case 22: {
                            if (wireType !== 2)
                                break;
                            message.syncComplete = $root.parley.v1.SyncComplete.decode(reader, reader.size(), $undefined, _depth + 1, message.syncComplete);
                            message.body = "syncComplete";
                            continue;
                        }
                    case 30: {
                            if (wireType !== 2)
                                break;
                            message.presenceSnapshot = $root.parley.v1.PresenceSnapshot.decode(reader, reader.size(), $undefined, _depth + 1, message.presenceSnapshot);
                            message.body = "presenceSnapshot";
                            continue;
                        }
                    case 31: {
                            if (wireType !== 2)
                                break;
                            message.presenceChanged = $root.parley.v1.PresenceChanged.decode(reader, reader.size(), $undefined, _depth + 1, message.presenceChanged);
                            message.body = "presenceChanged";
                            continue;
                        }
                    case 32: {
                            if (wireType !== 2)
                                break;
                            message.typingChanged = $root.parley.v1.TypingChanged.decode(reader, reader.size(), $undefined, _depth + 1, message.typingChanged);
                            message.body = "typingChanged";
                            continue;
                        }
                    case 40: {
                            if (wireType !== 2)
                                break;
                            message.groupState = $root.parley.v1.GroupState.decode(reader, reader.size(), $undefined, _depth + 1, message.groupState);
                            message.body = "groupState";
                            continue;
                        }
                    case 41: {
                            if (wireType !== 2)
                                break;
                            message.groupList = $root.parley.v1.GroupList.decode(reader, reader.size(), $undefined, _depth + 1, message.groupList);
                            message.body = "groupList";
                            continue;
                        }
                    case 42: {
                            if (wireType !== 2)
                                break;
                            message.groupHistory = $root.parley.v1.GroupHistory.decode(reader, reader.size(), $undefined, _depth + 1, message.groupHistory);
                            message.body = "groupHistory";
                            continue;
                        }
                    case 43: {
                            if (wireType !== 2)
                                break;
                            message.groupReceipts = $root.parley.v1.GroupReceipts.decode(reader, reader.size(), $undefined, _depth + 1, message.groupReceipts);
                            message.body = "groupReceipts";
                            continue;
                        }
                    case 50: {
                            if (wireType !== 2)
                                break;
                            message.keysUploadResult = $root.parley.v1.KeysUploadResult.decode(reader, reader.size(), $undefined, _depth + 1, message.keysUploadResult);
                            message.body = "keysUploadResult";
                            continue;
                        }
                    case 51: {
                            if (wireType !== 2)
                                break;
                            message.keysBundles = $root.parley.v1.KeysBundles.decode(reader, reader.size(), $undefined, _depth + 1, message.keysBundles);
                            message.body = "keysBundles";
                            continue;
                        }
                    case 52: {
                            if (wireType !== 2)
                                break;
                            message.prekeysLow = $root.parley.v1.PreKeysLow.decode(reader, reader.size(), $undefined, _depth + 1, message.prekeysLow);
                            message.body = "prekeysLow";
                            continue;
                        }
                    case 53: {
                            if (wireType !== 2)
                                break;
                            message.deviceList = $root.parley.v1.DeviceList.decode(reader, reader.size(), $undefined, _depth + 1, message.deviceList);
                            message.body = "deviceList";
                            continue;
                        }
                    case 60: {
                            if (wireType !== 2)
                                break;
                            message.mediaTicket = $root.parley.v1.MediaTicket.decode(reader, reader.size(), $undefined, _depth + 1, message.mediaTicket);
                            message.body = "mediaTicket";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            ServerFrame.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.ServerFrame)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.ServerFrame: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.ServerFrame();
                if (object.requestId != null)
                    if (typeof object.requestId === "object" ? object.requestId.low || object.requestId.high : $Number(object.requestId) !== 0)
                        if ($util.Long)
                            message.requestId = $util.Long.fromValue(object.requestId, true);
                        else if (typeof object.requestId === "string")
                            message.requestId = $parseInt(object.requestId, 10);
                        else if (typeof object.requestId === "number")
                            message.requestId = object.requestId;
                        else if (typeof object.requestId === "object")
                            message.requestId = new $util.LongBits(object.requestId.low >>> 0, object.requestId.high >>> 0).toNumber(true);
                if (object.error != null) {
                    if (!$util.isObject(object.error))
                        throw $TypeError(".parley.v1.ServerFrame.error: object expected");
                    message.error = $root.parley.v1.Error.fromObject(object.error, _depth + 1);
                }
                if (object.ok != null) {
                    if (!$util.isObject(object.ok))
                        throw $TypeError(".parley.v1.ServerFrame.ok: object expected");
                    message.ok = $root.parley.v1.Ok.fromObject(object.ok, _depth + 1);
                }
                if (object.challenge != null) {
                    if (!$util.isObject(object.challenge))
                        throw $TypeError(".parley.v1.ServerFrame.challenge: object expected");
                    message.challenge = $root.parley.v1.Challenge.fromObject(object.challenge, _depth + 1);
                }
                if (object.welcome != null) {
                    if (!$util.isObject(object.welcome))
                        throw $TypeError(".parley.v1.ServerFrame.welcome: object expected");
                    message.welcome = $root.parley.v1.Welcome.fromObject(object.welcome, _depth + 1);
                }
                if (object.ping != null) {
                    if (!$util.isObject(object.ping))
                        throw $TypeError(".parley.v1.ServerFrame.ping: object expected");
                    message.ping = $root.parley.v1.Ping.fromObject(object.ping, _depth + 1);
                }
                if (object.pong != null) {
                    if (!$util.isObject(object.pong))
                        throw $TypeError(".parley.v1.ServerFrame.pong: object expected");
                    message.pong = $root.parley.v1.Pong.fromObject(object.pong, _depth + 1);
                }
                if (object.goodbye != null) {
                    if (!$util.isObject(object.goodbye))
                        throw $TypeError(".parley.v1.ServerFrame.goodbye: object expected");
                    message.goodbye = $root.parley.v1.Goodbye.fromObject(object.goodbye, _depth + 1);
                }
                if (object.sendAck != null) {
                    if (!$util.isObject(object.sendAck))
                        throw $TypeError(".parley.v1.ServerFrame.sendAck: object expected");
                    message.sendAck = $root.parley.v1.SendAck.fromObject(object.sendAck, _depth + 1);
                }
                if (object.deliver != null) {
                    if (!$util.isObject(object.deliver))
                        throw $TypeError(".parley.v1.ServerFrame.deliver: object expected");
                    message.deliver = $root.parley.v1.Deliver.fromObject(object.deliver, _depth + 1);
                }
                if (object.syncComplete != null) {
                    if (!$util.isObject(object.syncComplete))
                        throw $TypeError(".parley.v1.ServerFrame.syncComplete: object expected");
                    message.syncComplete = $root.parley.v1.SyncComplete.fromObject(object.syncComplete, _depth + 1);
                }
                if (object.presenceSnapshot != null) {
                    if (!$util.isObject(object.presenceSnapshot))
                        throw $TypeError(".parley.v1.ServerFrame.presenceSnapshot: object expected");
                    message.presenceSnapshot = $root.parley.v1.PresenceSnapshot.fromObject(object.presenceSnapshot, _depth + 1);
                }
                if (object.presenceChanged != null) {
                    if (!$util.isObject(object.presenceChanged))
                        throw $TypeError(".parley.v1.ServerFrame.presenceChanged: object expected");
                    message.presenceChanged = $root.parley.v1.PresenceChanged.fromObject(object.presenceChanged, _depth + 1);
                }
                if (object.typingChanged != null) {
                    if (!$util.isObject(object.typingChanged))
                        throw $TypeError(".parley.v1.ServerFrame.typingChanged: object expected");
                    message.typingChanged = $root.parley.v1.TypingChanged.fromObject(object.typingChanged, _depth + 1);
                }
                if (object.groupState != null) {
                    if (!$util.isObject(object.groupState))
                        throw $TypeError(".parley.v1.ServerFrame.groupState: object expected");
                    message.groupState = $root.parley.v1.GroupState.fromObject(object.groupState, _depth + 1);
                }
                if (object.groupList != null) {
                    if (!$util.isObject(object.groupList))
                        throw $TypeError(".parley.v1.ServerFrame.groupList: object expected");
                    message.groupList = $root.parley.v1.GroupList.fromObject(object.groupList, _depth + 1);
                }
                if (object.groupHistory != null) {
                    if (!$util.isObject(object.groupHistory))
                        throw $TypeError(".parley.v1.ServerFrame.groupHistory: object expected");
                    message.groupHistory = $root.parley.v1.GroupHistory.fromObject(object.groupHistory, _depth + 1);
                }
                if (object.groupReceipts != null) {
                    if (!$util.isObject(object.groupReceipts))
                        throw $TypeError(".parley.v1.ServerFrame.groupReceipts: object expected");
                    message.groupReceipts = $root.parley.v1.GroupReceipts.fromObject(object.groupReceipts, _depth + 1);
                }
                if (object.keysUploadResult != null) {
                    if (!$util.isObject(object.keysUploadResult))
                        throw $TypeError(".parley.v1.ServerFrame.keysUploadResult: object expected");
                    message.keysUploadResult = $root.parley.v1.KeysUploadResult.fromObject(object.keysUploadResult, _depth + 1);
                }
                if (object.keysBundles != null) {
                    if (!$util.isObject(object.keysBundles))
                        throw $TypeError(".parley.v1.ServerFrame.keysBundles: object expected");
                    message.keysBundles = $root.parley.v1.KeysBundles.fromObject(object.keysBundles, _depth + 1);
                }
                if (object.prekeysLow != null) {
                    if (!$util.isObject(object.prekeysLow))
                        throw $TypeError(".parley.v1.ServerFrame.prekeysLow: object expected");
                    message.prekeysLow = $root.parley.v1.PreKeysLow.fromObject(object.prekeysLow, _depth + 1);
                }
                if (object.deviceList != null) {
                    if (!$util.isObject(object.deviceList))
                        throw $TypeError(".parley.v1.ServerFrame.deviceList: object expected");
                    message.deviceList = $root.parley.v1.DeviceList.fromObject(object.deviceList, _depth + 1);
                }
                if (object.mediaTicket != null) {
                    if (!$util.isObject(object.mediaTicket))
                        throw $TypeError(".parley.v1.ServerFrame.mediaTicket: object expected");
                    message.mediaTicket = $root.parley.v1.MediaTicket.fromObject(object.mediaTicket, _depth + 1);
                }
                return message;
            };

            ServerFrame.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.requestId = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.requestId = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.requestId != null && $Object.hasOwnProperty.call(message, "requestId"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.requestId = typeof message.requestId === "number" ? $BigInt(message.requestId) : $util.Long.fromBits(message.requestId.low >>> 0, message.requestId.high >>> 0, true).toBigInt();
                    else if (typeof message.requestId === "number")
                        object.requestId = options.longs === $String ? $String(message.requestId) : message.requestId;
                    else
                        object.requestId = options.longs === $String ? $util.Long.prototype.toString.call(message.requestId) : options.longs === $Number ? new $util.LongBits(message.requestId.low >>> 0, message.requestId.high >>> 0).toNumber(true) : message.requestId;
                if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                    object.error = $root.parley.v1.Error.toObject(message.error, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "error";
                }
                if (message.ok != null && $Object.hasOwnProperty.call(message, "ok")) {
                    object.ok = $root.parley.v1.Ok.toObject(message.ok, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "ok";
                }
                if (message.challenge != null && $Object.hasOwnProperty.call(message, "challenge")) {
                    object.challenge = $root.parley.v1.Challenge.toObject(message.challenge, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "challenge";
                }
                if (message.welcome != null && $Object.hasOwnProperty.call(message, "welcome")) {
                    object.welcome = $root.parley.v1.Welcome.toObject(message.welcome, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "welcome";
                }
                if (message.ping != null && $Object.hasOwnProperty.call(message, "ping")) {
                    object.ping = $root.parley.v1.Ping.toObject(message.ping, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "ping";
                }
                if (message.pong != null && $Object.hasOwnProperty.call(message, "pong")) {
                    object.pong = $root.parley.v1.Pong.toObject(message.pong, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "pong";
                }
                if (message.goodbye != null && $Object.hasOwnProperty.call(message, "goodbye")) {
                    object.goodbye = $root.parley.v1.Goodbye.toObject(message.goodbye, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "goodbye";
                }
                if (message.sendAck != null && $Object.hasOwnProperty.call(message, "sendAck")) {
                    object.sendAck = $root.parley.v1.SendAck.toObject(message.sendAck, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "sendAck";
                }
                if (message.deliver != null && $Object.hasOwnProperty.call(message, "deliver")) {
                    object.deliver = $root.parley.v1.Deliver.toObject(message.deliver, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "deliver";
                }
                if (message.syncComplete != null && $Object.hasOwnProperty.call(message, "syncComplete")) {
                    object.syncComplete = $root.parley.v1.SyncComplete.toObject(message.syncComplete, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "syncComplete";
                }
                if (message.presenceSnapshot != null && $Object.hasOwnProperty.call(message, "presenceSnapshot")) {
                    object.presenceSnapshot = $root.parley.v1.PresenceSnapshot.toObject(message.presenceSnapshot, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "presenceSnapshot";
                }
                if (message.presenceChanged != null && $Object.hasOwnProperty.call(message, "presenceChanged")) {
                    object.presenceChanged = $root.parley.v1.PresenceChanged.toObject(message.presenceChanged, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "presenceChanged";
                }
                if (message.typingChanged != null && $Object.hasOwnProperty.call(message, "typingChanged")) {
                    object.typingChanged = $root.parley.v1.TypingChanged.toObject(message.typingChanged, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "typingChanged";
                }
                if (message.groupState != null && $Object.hasOwnProperty.call(message, "groupState")) {
                    object.groupState = $root.parley.v1.GroupState.toObject(message.groupState, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupState";
                }
                if (message.groupList != null && $Object.hasOwnProperty.call(message, "groupList")) {
                    object.groupList = $root.parley.v1.GroupList.toObject(message.groupList, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupList";
                }
                if (message.groupHistory != null && $Object.hasOwnProperty.call(message, "groupHistory")) {
                    object.groupHistory = $root.parley.v1.GroupHistory.toObject(message.groupHistory, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupHistory";
                }
                if (message.groupReceipts != null && $Object.hasOwnProperty.call(message, "groupReceipts")) {
                    object.groupReceipts = $root.parley.v1.GroupReceipts.toObject(message.groupReceipts, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupReceipts";
                }
                if (message.keysUploadResult != null && $Object.hasOwnProperty.call(message, "keysUploadResult")) {
                    object.keysUploadResult = $root.parley.v1.KeysUploadResult.toObject(message.keysUploadResult, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "keysUploadResult";
                }
                if (message.keysBundles != null && $Object.hasOwnProperty.call(message, "keysBundles")) {
                    object.keysBundles = $root.parley.v1.KeysBundles.toObject(message.keysBundles, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "keysBundles";
                }
                if (message.prekeysLow != null && $Object.hasOwnProperty.call(message, "prekeysLow")) {
                    object.prekeysLow = $root.parley.v1.PreKeysLow.toObject(message.prekeysLow, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "prekeysLow";
                }
                if (message.deviceList != null && $Object.hasOwnProperty.call(message, "deviceList")) {
                    object.deviceList = $root.parley.v1.DeviceList.toObject(message.deviceList, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "deviceList";
                }
                if (message.mediaTicket != null && $Object.hasOwnProperty.call(message, "mediaTicket")) {
                    object.mediaTicket = $root.parley.v1.MediaTicket.toObject(message.mediaTicket, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "mediaTicket";
                }
                return object;
            };

            ServerFrame.prototype.toJSON = function() {
                return ServerFrame.toObject(this, $protobuf.util.toJSONOptions);
            };

            ServerFrame.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.ServerFrame";
            };

            return ServerFrame;
        })();

        v1.PreKey = (function() {

            const PreKey = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PreKey.prototype.keyId = 0;
            PreKey.prototype.publicKey = $util.newBuffer([]);

            PreKey.create = function(properties) {
                return new PreKey(properties);
            };

            PreKey.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId") && message.keyId !== 0)
                    writer.uint32(8).uint32(message.keyId);
                if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey") && message.publicKey.length)
                    writer.uint32(18).bytes(message.publicKey);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PreKey.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PreKey();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.keyId = value;
                            else
                                delete message.keyId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.publicKey = value;
                            else
                                delete message.publicKey;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PreKey.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PreKey)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PreKey: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.PreKey();
                if (object.keyId != null)
                    if ($Number(object.keyId) !== 0)
                        message.keyId = object.keyId >>> 0;
                if (object.publicKey != null)
                    if (object.publicKey.length)
                        if (typeof object.publicKey === "string")
                            $util.base64.decode(object.publicKey, message.publicKey = $util.newBuffer($util.base64.length(object.publicKey)), 0);
                        else if (object.publicKey.length >= 0)
                            message.publicKey = object.publicKey;
                return message;
            };

            PreKey.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.keyId = 0;
                    if (options.bytes === $String)
                        object.publicKey = "";
                    else {
                        object.publicKey = [];
                        if (options.bytes !== $Array)
                            object.publicKey = $util.newBuffer(object.publicKey);
                    }
                }
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId"))
                    object.keyId = message.keyId;
                if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey"))
                    object.publicKey = options.bytes === $String ? $util.base64.encode(message.publicKey, 0, message.publicKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.publicKey) : message.publicKey;
                return object;
            };

            PreKey.prototype.toJSON = function() {
                return PreKey.toObject(this, $protobuf.util.toJSONOptions);
            };

            PreKey.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PreKey";
            };

            return PreKey;
        })();

        v1.SignedPreKey = (function() {

            const SignedPreKey = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SignedPreKey.prototype.keyId = 0;
            SignedPreKey.prototype.publicKey = $util.newBuffer([]);
            SignedPreKey.prototype.signature = $util.newBuffer([]);

            SignedPreKey.create = function(properties) {
                return new SignedPreKey(properties);
            };

            SignedPreKey.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId") && message.keyId !== 0)
                    writer.uint32(8).uint32(message.keyId);
                if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey") && message.publicKey.length)
                    writer.uint32(18).bytes(message.publicKey);
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                    writer.uint32(26).bytes(message.signature);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SignedPreKey.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.SignedPreKey();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.keyId = value;
                            else
                                delete message.keyId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.publicKey = value;
                            else
                                delete message.publicKey;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.signature = value;
                            else
                                delete message.signature;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SignedPreKey.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.SignedPreKey)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.SignedPreKey: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.SignedPreKey();
                if (object.keyId != null)
                    if ($Number(object.keyId) !== 0)
                        message.keyId = object.keyId >>> 0;
                if (object.publicKey != null)
                    if (object.publicKey.length)
                        if (typeof object.publicKey === "string")
                            $util.base64.decode(object.publicKey, message.publicKey = $util.newBuffer($util.base64.length(object.publicKey)), 0);
                        else if (object.publicKey.length >= 0)
                            message.publicKey = object.publicKey;
                if (object.signature != null)
                    if (object.signature.length)
                        if (typeof object.signature === "string")
                            $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                        else if (object.signature.length >= 0)
                            message.signature = object.signature;
                return message;
            };

            SignedPreKey.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.keyId = 0;
                    if (options.bytes === $String)
                        object.publicKey = "";
                    else {
                        object.publicKey = [];
                        if (options.bytes !== $Array)
                            object.publicKey = $util.newBuffer(object.publicKey);
                    }
                    if (options.bytes === $String)
                        object.signature = "";
                    else {
                        object.signature = [];
                        if (options.bytes !== $Array)
                            object.signature = $util.newBuffer(object.signature);
                    }
                }
                if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId"))
                    object.keyId = message.keyId;
                if (message.publicKey != null && $Object.hasOwnProperty.call(message, "publicKey"))
                    object.publicKey = options.bytes === $String ? $util.base64.encode(message.publicKey, 0, message.publicKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.publicKey) : message.publicKey;
                if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                    object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                return object;
            };

            SignedPreKey.prototype.toJSON = function() {
                return SignedPreKey.toObject(this, $protobuf.util.toJSONOptions);
            };

            SignedPreKey.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.SignedPreKey";
            };

            return SignedPreKey;
        })();

        v1.KeysUpload = (function() {

            const KeysUpload = function (properties) {
                this.oneTimePrekeys = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            KeysUpload.prototype.registrationId = 0;
            KeysUpload.prototype.identityKey = $util.newBuffer([]);
            KeysUpload.prototype.signedPrekey = null;
            KeysUpload.prototype.oneTimePrekeys = $util.emptyArray;
            KeysUpload.prototype.lastResortPrekey = null;

            KeysUpload.create = function(properties) {
                return new KeysUpload(properties);
            };

            KeysUpload.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.registrationId != null && $Object.hasOwnProperty.call(message, "registrationId") && message.registrationId !== 0)
                    writer.uint32(8).uint32(message.registrationId);
                if (message.identityKey != null && $Object.hasOwnProperty.call(message, "identityKey") && message.identityKey.length)
                    writer.uint32(18).bytes(message.identityKey);
                if (message.signedPrekey != null && $Object.hasOwnProperty.call(message, "signedPrekey"))
                    $root.parley.v1.SignedPreKey.encode(message.signedPrekey, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.oneTimePrekeys != null && message.oneTimePrekeys.length)
                    for (let i = 0; i < message.oneTimePrekeys.length; ++i)
                        $root.parley.v1.PreKey.encode(message.oneTimePrekeys[i], writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.lastResortPrekey != null && $Object.hasOwnProperty.call(message, "lastResortPrekey"))
                    $root.parley.v1.PreKey.encode(message.lastResortPrekey, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            KeysUpload.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.KeysUpload();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.registrationId = value;
                            else
                                delete message.registrationId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.identityKey = value;
                            else
                                delete message.identityKey;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.signedPrekey = $root.parley.v1.SignedPreKey.decode(reader, reader.size(), $undefined, _depth + 1, message.signedPrekey);
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (!(message.oneTimePrekeys && message.oneTimePrekeys.length))
                                message.oneTimePrekeys = [];
                            message.oneTimePrekeys.push($root.parley.v1.PreKey.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.lastResortPrekey = $root.parley.v1.PreKey.decode(reader, reader.size(), $undefined, _depth + 1, message.lastResortPrekey);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            KeysUpload.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.KeysUpload)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.KeysUpload: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.KeysUpload();
                if (object.registrationId != null)
                    if ($Number(object.registrationId) !== 0)
                        message.registrationId = object.registrationId >>> 0;
                if (object.identityKey != null)
                    if (object.identityKey.length)
                        if (typeof object.identityKey === "string")
                            $util.base64.decode(object.identityKey, message.identityKey = $util.newBuffer($util.base64.length(object.identityKey)), 0);
                        else if (object.identityKey.length >= 0)
                            message.identityKey = object.identityKey;
                if (object.signedPrekey != null) {
                    if (!$util.isObject(object.signedPrekey))
                        throw $TypeError(".parley.v1.KeysUpload.signedPrekey: object expected");
                    message.signedPrekey = $root.parley.v1.SignedPreKey.fromObject(object.signedPrekey, _depth + 1);
                }
                if (object.oneTimePrekeys) {
                    if (!$Array.isArray(object.oneTimePrekeys))
                        throw $TypeError(".parley.v1.KeysUpload.oneTimePrekeys: array expected");
                    message.oneTimePrekeys = $Array(object.oneTimePrekeys.length);
                    for (let i = 0; i < object.oneTimePrekeys.length; ++i) {
                        if (!$util.isObject(object.oneTimePrekeys[i]))
                            throw $TypeError(".parley.v1.KeysUpload.oneTimePrekeys: object expected");
                        message.oneTimePrekeys[i] = $root.parley.v1.PreKey.fromObject(object.oneTimePrekeys[i], _depth + 1);
                    }
                }
                if (object.lastResortPrekey != null) {
                    if (!$util.isObject(object.lastResortPrekey))
                        throw $TypeError(".parley.v1.KeysUpload.lastResortPrekey: object expected");
                    message.lastResortPrekey = $root.parley.v1.PreKey.fromObject(object.lastResortPrekey, _depth + 1);
                }
                return message;
            };

            KeysUpload.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.oneTimePrekeys = [];
                if (options.defaults) {
                    object.registrationId = 0;
                    if (options.bytes === $String)
                        object.identityKey = "";
                    else {
                        object.identityKey = [];
                        if (options.bytes !== $Array)
                            object.identityKey = $util.newBuffer(object.identityKey);
                    }
                    object.signedPrekey = null;
                    object.lastResortPrekey = null;
                }
                if (message.registrationId != null && $Object.hasOwnProperty.call(message, "registrationId"))
                    object.registrationId = message.registrationId;
                if (message.identityKey != null && $Object.hasOwnProperty.call(message, "identityKey"))
                    object.identityKey = options.bytes === $String ? $util.base64.encode(message.identityKey, 0, message.identityKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.identityKey) : message.identityKey;
                if (message.signedPrekey != null && $Object.hasOwnProperty.call(message, "signedPrekey"))
                    object.signedPrekey = $root.parley.v1.SignedPreKey.toObject(message.signedPrekey, options, _depth + 1);
                if (message.oneTimePrekeys && message.oneTimePrekeys.length) {
                    object.oneTimePrekeys = $Array(message.oneTimePrekeys.length);
                    for (let j = 0; j < message.oneTimePrekeys.length; ++j)
                        object.oneTimePrekeys[j] = $root.parley.v1.PreKey.toObject(message.oneTimePrekeys[j], options, _depth + 1);
                }
                if (message.lastResortPrekey != null && $Object.hasOwnProperty.call(message, "lastResortPrekey"))
                    object.lastResortPrekey = $root.parley.v1.PreKey.toObject(message.lastResortPrekey, options, _depth + 1);
                return object;
            };

            KeysUpload.prototype.toJSON = function() {
                return KeysUpload.toObject(this, $protobuf.util.toJSONOptions);
            };

            KeysUpload.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.KeysUpload";
            };

            return KeysUpload;
        })();

        v1.KeysUploadResult = (function() {

            const KeysUploadResult = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            KeysUploadResult.prototype.oneTimeRemaining = 0;

            KeysUploadResult.create = function(properties) {
                return new KeysUploadResult(properties);
            };

            KeysUploadResult.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.oneTimeRemaining != null && $Object.hasOwnProperty.call(message, "oneTimeRemaining") && message.oneTimeRemaining !== 0)
                    writer.uint32(8).uint32(message.oneTimeRemaining);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            KeysUploadResult.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.KeysUploadResult();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.oneTimeRemaining = value;
                            else
                                delete message.oneTimeRemaining;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            KeysUploadResult.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.KeysUploadResult)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.KeysUploadResult: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.KeysUploadResult();
                if (object.oneTimeRemaining != null)
                    if ($Number(object.oneTimeRemaining) !== 0)
                        message.oneTimeRemaining = object.oneTimeRemaining >>> 0;
                return message;
            };

            KeysUploadResult.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.oneTimeRemaining = 0;
                if (message.oneTimeRemaining != null && $Object.hasOwnProperty.call(message, "oneTimeRemaining"))
                    object.oneTimeRemaining = message.oneTimeRemaining;
                return object;
            };

            KeysUploadResult.prototype.toJSON = function() {
                return KeysUploadResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            KeysUploadResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.KeysUploadResult";
            };

            return KeysUploadResult;
        })();

        v1.KeysFetch = (function() {

            const KeysFetch = function (properties) {
                this.deviceIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            KeysFetch.prototype.userId = "";
            KeysFetch.prototype.deviceIds = $util.emptyArray;

            KeysFetch.create = function(properties) {
                return new KeysFetch(properties);
            };

            KeysFetch.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.deviceIds != null && message.deviceIds.length)
                    writer.uint32(18).uint32s(message.deviceIds);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            KeysFetch.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.KeysFetch();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.deviceIds && message.deviceIds.length))
                                    message.deviceIds = [];
                                reader.uint32s(message.deviceIds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.deviceIds && message.deviceIds.length))
                                message.deviceIds = [];
                            message.deviceIds.push(reader.uint32());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            KeysFetch.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.KeysFetch)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.KeysFetch: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.KeysFetch();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.deviceIds) {
                    if (!$Array.isArray(object.deviceIds))
                        throw $TypeError(".parley.v1.KeysFetch.deviceIds: array expected");
                    message.deviceIds = $Array(object.deviceIds.length);
                    for (let i = 0; i < object.deviceIds.length; ++i)
                        message.deviceIds[i] = object.deviceIds[i] >>> 0;
                }
                return message;
            };

            KeysFetch.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.deviceIds = [];
                if (options.defaults)
                    object.userId = "";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.deviceIds && message.deviceIds.length) {
                    object.deviceIds = $Array(message.deviceIds.length);
                    for (let j = 0; j < message.deviceIds.length; ++j)
                        object.deviceIds[j] = message.deviceIds[j];
                }
                return object;
            };

            KeysFetch.prototype.toJSON = function() {
                return KeysFetch.toObject(this, $protobuf.util.toJSONOptions);
            };

            KeysFetch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.KeysFetch";
            };

            return KeysFetch;
        })();

        v1.PreKeyBundle = (function() {

            const PreKeyBundle = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PreKeyBundle.prototype.address = null;
            PreKeyBundle.prototype.registrationId = 0;
            PreKeyBundle.prototype.identityKey = $util.newBuffer([]);
            PreKeyBundle.prototype.signedPrekey = null;
            PreKeyBundle.prototype.prekey = null;

            PreKeyBundle.create = function(properties) {
                return new PreKeyBundle(properties);
            };

            PreKeyBundle.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.address != null && $Object.hasOwnProperty.call(message, "address"))
                    $root.parley.v1.Address.encode(message.address, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.registrationId != null && $Object.hasOwnProperty.call(message, "registrationId") && message.registrationId !== 0)
                    writer.uint32(16).uint32(message.registrationId);
                if (message.identityKey != null && $Object.hasOwnProperty.call(message, "identityKey") && message.identityKey.length)
                    writer.uint32(26).bytes(message.identityKey);
                if (message.signedPrekey != null && $Object.hasOwnProperty.call(message, "signedPrekey"))
                    $root.parley.v1.SignedPreKey.encode(message.signedPrekey, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.prekey != null && $Object.hasOwnProperty.call(message, "prekey"))
                    $root.parley.v1.PreKey.encode(message.prekey, writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PreKeyBundle.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PreKeyBundle();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.address = $root.parley.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1, message.address);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.registrationId = value;
                            else
                                delete message.registrationId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.identityKey = value;
                            else
                                delete message.identityKey;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.signedPrekey = $root.parley.v1.SignedPreKey.decode(reader, reader.size(), $undefined, _depth + 1, message.signedPrekey);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.prekey = $root.parley.v1.PreKey.decode(reader, reader.size(), $undefined, _depth + 1, message.prekey);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PreKeyBundle.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PreKeyBundle)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PreKeyBundle: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.PreKeyBundle();
                if (object.address != null) {
                    if (!$util.isObject(object.address))
                        throw $TypeError(".parley.v1.PreKeyBundle.address: object expected");
                    message.address = $root.parley.v1.Address.fromObject(object.address, _depth + 1);
                }
                if (object.registrationId != null)
                    if ($Number(object.registrationId) !== 0)
                        message.registrationId = object.registrationId >>> 0;
                if (object.identityKey != null)
                    if (object.identityKey.length)
                        if (typeof object.identityKey === "string")
                            $util.base64.decode(object.identityKey, message.identityKey = $util.newBuffer($util.base64.length(object.identityKey)), 0);
                        else if (object.identityKey.length >= 0)
                            message.identityKey = object.identityKey;
                if (object.signedPrekey != null) {
                    if (!$util.isObject(object.signedPrekey))
                        throw $TypeError(".parley.v1.PreKeyBundle.signedPrekey: object expected");
                    message.signedPrekey = $root.parley.v1.SignedPreKey.fromObject(object.signedPrekey, _depth + 1);
                }
                if (object.prekey != null) {
                    if (!$util.isObject(object.prekey))
                        throw $TypeError(".parley.v1.PreKeyBundle.prekey: object expected");
                    message.prekey = $root.parley.v1.PreKey.fromObject(object.prekey, _depth + 1);
                }
                return message;
            };

            PreKeyBundle.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.address = null;
                    object.registrationId = 0;
                    if (options.bytes === $String)
                        object.identityKey = "";
                    else {
                        object.identityKey = [];
                        if (options.bytes !== $Array)
                            object.identityKey = $util.newBuffer(object.identityKey);
                    }
                    object.signedPrekey = null;
                    object.prekey = null;
                }
                if (message.address != null && $Object.hasOwnProperty.call(message, "address"))
                    object.address = $root.parley.v1.Address.toObject(message.address, options, _depth + 1);
                if (message.registrationId != null && $Object.hasOwnProperty.call(message, "registrationId"))
                    object.registrationId = message.registrationId;
                if (message.identityKey != null && $Object.hasOwnProperty.call(message, "identityKey"))
                    object.identityKey = options.bytes === $String ? $util.base64.encode(message.identityKey, 0, message.identityKey.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.identityKey) : message.identityKey;
                if (message.signedPrekey != null && $Object.hasOwnProperty.call(message, "signedPrekey"))
                    object.signedPrekey = $root.parley.v1.SignedPreKey.toObject(message.signedPrekey, options, _depth + 1);
                if (message.prekey != null && $Object.hasOwnProperty.call(message, "prekey"))
                    object.prekey = $root.parley.v1.PreKey.toObject(message.prekey, options, _depth + 1);
                return object;
            };

            PreKeyBundle.prototype.toJSON = function() {
                return PreKeyBundle.toObject(this, $protobuf.util.toJSONOptions);
            };

            PreKeyBundle.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PreKeyBundle";
            };

            return PreKeyBundle;
        })();

        v1.KeysBundles = (function() {

            const KeysBundles = function (properties) {
                this.bundles = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            KeysBundles.prototype.bundles = $util.emptyArray;

            KeysBundles.create = function(properties) {
                return new KeysBundles(properties);
            };

            KeysBundles.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.bundles != null && message.bundles.length)
                    for (let i = 0; i < message.bundles.length; ++i)
                        $root.parley.v1.PreKeyBundle.encode(message.bundles[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            KeysBundles.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.KeysBundles();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.bundles && message.bundles.length))
                                message.bundles = [];
                            message.bundles.push($root.parley.v1.PreKeyBundle.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            KeysBundles.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.KeysBundles)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.KeysBundles: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.KeysBundles();
                if (object.bundles) {
                    if (!$Array.isArray(object.bundles))
                        throw $TypeError(".parley.v1.KeysBundles.bundles: array expected");
                    message.bundles = $Array(object.bundles.length);
                    for (let i = 0; i < object.bundles.length; ++i) {
                        if (!$util.isObject(object.bundles[i]))
                            throw $TypeError(".parley.v1.KeysBundles.bundles: object expected");
                        message.bundles[i] = $root.parley.v1.PreKeyBundle.fromObject(object.bundles[i], _depth + 1);
                    }
                }
                return message;
            };

            KeysBundles.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.bundles = [];
                if (message.bundles && message.bundles.length) {
                    object.bundles = $Array(message.bundles.length);
                    for (let j = 0; j < message.bundles.length; ++j)
                        object.bundles[j] = $root.parley.v1.PreKeyBundle.toObject(message.bundles[j], options, _depth + 1);
                }
                return object;
            };

            KeysBundles.prototype.toJSON = function() {
                return KeysBundles.toObject(this, $protobuf.util.toJSONOptions);
            };

            KeysBundles.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.KeysBundles";
            };

            return KeysBundles;
        })();

        v1.KeysCount = (function() {

            const KeysCount = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            KeysCount.create = function(properties) {
                return new KeysCount(properties);
            };

            KeysCount.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            KeysCount.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.KeysCount();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    reader.skipType(tag & 7, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            KeysCount.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.KeysCount)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.KeysCount: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                return new $root.parley.v1.KeysCount();
            };

            KeysCount.toObject = function () {
                return {};
            };

            KeysCount.prototype.toJSON = function() {
                return KeysCount.toObject(this, $protobuf.util.toJSONOptions);
            };

            KeysCount.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.KeysCount";
            };

            return KeysCount;
        })();

        v1.PreKeysLow = (function() {

            const PreKeysLow = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PreKeysLow.prototype.oneTimeRemaining = 0;

            PreKeysLow.create = function(properties) {
                return new PreKeysLow(properties);
            };

            PreKeysLow.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.oneTimeRemaining != null && $Object.hasOwnProperty.call(message, "oneTimeRemaining") && message.oneTimeRemaining !== 0)
                    writer.uint32(8).uint32(message.oneTimeRemaining);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PreKeysLow.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PreKeysLow();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.oneTimeRemaining = value;
                            else
                                delete message.oneTimeRemaining;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PreKeysLow.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PreKeysLow)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PreKeysLow: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.PreKeysLow();
                if (object.oneTimeRemaining != null)
                    if ($Number(object.oneTimeRemaining) !== 0)
                        message.oneTimeRemaining = object.oneTimeRemaining >>> 0;
                return message;
            };

            PreKeysLow.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.oneTimeRemaining = 0;
                if (message.oneTimeRemaining != null && $Object.hasOwnProperty.call(message, "oneTimeRemaining"))
                    object.oneTimeRemaining = message.oneTimeRemaining;
                return object;
            };

            PreKeysLow.prototype.toJSON = function() {
                return PreKeysLow.toObject(this, $protobuf.util.toJSONOptions);
            };

            PreKeysLow.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PreKeysLow";
            };

            return PreKeysLow;
        })();

        v1.DevicesGet = (function() {

            const DevicesGet = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DevicesGet.prototype.userId = "";

            DevicesGet.create = function(properties) {
                return new DevicesGet(properties);
            };

            DevicesGet.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DevicesGet.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DevicesGet();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DevicesGet.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DevicesGet)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DevicesGet: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DevicesGet();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                return message;
            };

            DevicesGet.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.userId = "";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                return object;
            };

            DevicesGet.prototype.toJSON = function() {
                return DevicesGet.toObject(this, $protobuf.util.toJSONOptions);
            };

            DevicesGet.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DevicesGet";
            };

            return DevicesGet;
        })();

        v1.DeviceInfo = (function() {

            const DeviceInfo = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DeviceInfo.prototype.deviceId = 0;
            DeviceInfo.prototype.registrationId = 0;
            DeviceInfo.prototype.createdAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            DeviceInfo.prototype.approvedBy = 0;

            DeviceInfo.create = function(properties) {
                return new DeviceInfo(properties);
            };

            DeviceInfo.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== 0)
                    writer.uint32(8).uint32(message.deviceId);
                if (message.registrationId != null && $Object.hasOwnProperty.call(message, "registrationId") && message.registrationId !== 0)
                    writer.uint32(16).uint32(message.registrationId);
                if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt") && (typeof message.createdAt === "object" ? message.createdAt.low || message.createdAt.high : message.createdAt !== 0))
                    writer.uint32(24).uint64(message.createdAt);
                if (message.approvedBy != null && $Object.hasOwnProperty.call(message, "approvedBy") && message.approvedBy !== 0)
                    writer.uint32(32).uint32(message.approvedBy);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DeviceInfo.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DeviceInfo();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.deviceId = value;
                            else
                                delete message.deviceId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.registrationId = value;
                            else
                                delete message.registrationId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.createdAt = value;
                            else
                                delete message.createdAt;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.approvedBy = value;
                            else
                                delete message.approvedBy;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DeviceInfo.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DeviceInfo)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DeviceInfo: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DeviceInfo();
                if (object.deviceId != null)
                    if ($Number(object.deviceId) !== 0)
                        message.deviceId = object.deviceId >>> 0;
                if (object.registrationId != null)
                    if ($Number(object.registrationId) !== 0)
                        message.registrationId = object.registrationId >>> 0;
                if (object.createdAt != null)
                    if (typeof object.createdAt === "object" ? object.createdAt.low || object.createdAt.high : $Number(object.createdAt) !== 0)
                        if ($util.Long)
                            message.createdAt = $util.Long.fromValue(object.createdAt, true);
                        else if (typeof object.createdAt === "string")
                            message.createdAt = $parseInt(object.createdAt, 10);
                        else if (typeof object.createdAt === "number")
                            message.createdAt = object.createdAt;
                        else if (typeof object.createdAt === "object")
                            message.createdAt = new $util.LongBits(object.createdAt.low >>> 0, object.createdAt.high >>> 0).toNumber(true);
                if (object.approvedBy != null)
                    if ($Number(object.approvedBy) !== 0)
                        message.approvedBy = object.approvedBy >>> 0;
                return message;
            };

            DeviceInfo.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.deviceId = 0;
                    object.registrationId = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.createdAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.createdAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.approvedBy = 0;
                }
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    object.deviceId = message.deviceId;
                if (message.registrationId != null && $Object.hasOwnProperty.call(message, "registrationId"))
                    object.registrationId = message.registrationId;
                if (message.createdAt != null && $Object.hasOwnProperty.call(message, "createdAt"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.createdAt = typeof message.createdAt === "number" ? $BigInt(message.createdAt) : $util.Long.fromBits(message.createdAt.low >>> 0, message.createdAt.high >>> 0, true).toBigInt();
                    else if (typeof message.createdAt === "number")
                        object.createdAt = options.longs === $String ? $String(message.createdAt) : message.createdAt;
                    else
                        object.createdAt = options.longs === $String ? $util.Long.prototype.toString.call(message.createdAt) : options.longs === $Number ? new $util.LongBits(message.createdAt.low >>> 0, message.createdAt.high >>> 0).toNumber(true) : message.createdAt;
                if (message.approvedBy != null && $Object.hasOwnProperty.call(message, "approvedBy"))
                    object.approvedBy = message.approvedBy;
                return object;
            };

            DeviceInfo.prototype.toJSON = function() {
                return DeviceInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            DeviceInfo.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DeviceInfo";
            };

            return DeviceInfo;
        })();

        v1.DeviceList = (function() {

            const DeviceList = function (properties) {
                this.devices = [];
                this.records = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DeviceList.prototype.userId = "";
            DeviceList.prototype.devices = $util.emptyArray;
            DeviceList.prototype.records = $util.emptyArray;

            DeviceList.create = function(properties) {
                return new DeviceList(properties);
            };

            DeviceList.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.devices != null && message.devices.length)
                    for (let i = 0; i < message.devices.length; ++i)
                        $root.parley.v1.DeviceInfo.encode(message.devices[i], writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.records != null && message.records.length)
                    for (let i = 0; i < message.records.length; ++i)
                        writer.uint32(26).bytes(message.records[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DeviceList.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DeviceList();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if (!(message.devices && message.devices.length))
                                message.devices = [];
                            message.devices.push($root.parley.v1.DeviceInfo.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.records && message.records.length))
                                message.records = [];
                            message.records.push(reader.bytes());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DeviceList.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DeviceList)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DeviceList: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DeviceList();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.devices) {
                    if (!$Array.isArray(object.devices))
                        throw $TypeError(".parley.v1.DeviceList.devices: array expected");
                    message.devices = $Array(object.devices.length);
                    for (let i = 0; i < object.devices.length; ++i) {
                        if (!$util.isObject(object.devices[i]))
                            throw $TypeError(".parley.v1.DeviceList.devices: object expected");
                        message.devices[i] = $root.parley.v1.DeviceInfo.fromObject(object.devices[i], _depth + 1);
                    }
                }
                if (object.records) {
                    if (!$Array.isArray(object.records))
                        throw $TypeError(".parley.v1.DeviceList.records: array expected");
                    message.records = $Array(object.records.length);
                    for (let i = 0; i < object.records.length; ++i)
                        if (typeof object.records[i] === "string")
                            $util.base64.decode(object.records[i], message.records[i] = $util.newBuffer($util.base64.length(object.records[i])), 0);
                        else if (object.records[i].length >= 0)
                            message.records[i] = object.records[i];
                }
                return message;
            };

            DeviceList.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults) {
                    object.devices = [];
                    object.records = [];
                }
                if (options.defaults)
                    object.userId = "";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.devices && message.devices.length) {
                    object.devices = $Array(message.devices.length);
                    for (let j = 0; j < message.devices.length; ++j)
                        object.devices[j] = $root.parley.v1.DeviceInfo.toObject(message.devices[j], options, _depth + 1);
                }
                if (message.records && message.records.length) {
                    object.records = $Array(message.records.length);
                    for (let j = 0; j < message.records.length; ++j)
                        object.records[j] = options.bytes === $String ? $util.base64.encode(message.records[j], 0, message.records[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.records[j]) : message.records[j];
                }
                return object;
            };

            DeviceList.prototype.toJSON = function() {
                return DeviceList.toObject(this, $protobuf.util.toJSONOptions);
            };

            DeviceList.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DeviceList";
            };

            return DeviceList;
        })();

        v1.DeviceRemove = (function() {

            const DeviceRemove = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DeviceRemove.prototype.deviceId = 0;

            DeviceRemove.create = function(properties) {
                return new DeviceRemove(properties);
            };

            DeviceRemove.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== 0)
                    writer.uint32(8).uint32(message.deviceId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DeviceRemove.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DeviceRemove();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.deviceId = value;
                            else
                                delete message.deviceId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DeviceRemove.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DeviceRemove)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DeviceRemove: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DeviceRemove();
                if (object.deviceId != null)
                    if ($Number(object.deviceId) !== 0)
                        message.deviceId = object.deviceId >>> 0;
                return message;
            };

            DeviceRemove.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.deviceId = 0;
                if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                    object.deviceId = message.deviceId;
                return object;
            };

            DeviceRemove.prototype.toJSON = function() {
                return DeviceRemove.toObject(this, $protobuf.util.toJSONOptions);
            };

            DeviceRemove.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DeviceRemove";
            };

            return DeviceRemove;
        })();

        v1.MediaUploadRequest = (function() {

            const MediaUploadRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            MediaUploadRequest.prototype.size = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            MediaUploadRequest.create = function(properties) {
                return new MediaUploadRequest(properties);
            };

            MediaUploadRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.size != null && $Object.hasOwnProperty.call(message, "size") && (typeof message.size === "object" ? message.size.low || message.size.high : message.size !== 0))
                    writer.uint32(8).uint64(message.size);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            MediaUploadRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.MediaUploadRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.size = value;
                            else
                                delete message.size;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            MediaUploadRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.MediaUploadRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.MediaUploadRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.MediaUploadRequest();
                if (object.size != null)
                    if (typeof object.size === "object" ? object.size.low || object.size.high : $Number(object.size) !== 0)
                        if ($util.Long)
                            message.size = $util.Long.fromValue(object.size, true);
                        else if (typeof object.size === "string")
                            message.size = $parseInt(object.size, 10);
                        else if (typeof object.size === "number")
                            message.size = object.size;
                        else if (typeof object.size === "object")
                            message.size = new $util.LongBits(object.size.low >>> 0, object.size.high >>> 0).toNumber(true);
                return message;
            };

            MediaUploadRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.size = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.size = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.size = typeof message.size === "number" ? $BigInt(message.size) : $util.Long.fromBits(message.size.low >>> 0, message.size.high >>> 0, true).toBigInt();
                    else if (typeof message.size === "number")
                        object.size = options.longs === $String ? $String(message.size) : message.size;
                    else
                        object.size = options.longs === $String ? $util.Long.prototype.toString.call(message.size) : options.longs === $Number ? new $util.LongBits(message.size.low >>> 0, message.size.high >>> 0).toNumber(true) : message.size;
                return object;
            };

            MediaUploadRequest.prototype.toJSON = function() {
                return MediaUploadRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            MediaUploadRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.MediaUploadRequest";
            };

            return MediaUploadRequest;
        })();

        v1.MediaDownloadRequest = (function() {

            const MediaDownloadRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            MediaDownloadRequest.prototype.blobId = "";

            MediaDownloadRequest.create = function(properties) {
                return new MediaDownloadRequest(properties);
            };

            MediaDownloadRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.blobId != null && $Object.hasOwnProperty.call(message, "blobId") && message.blobId !== "")
                    writer.uint32(10).string(message.blobId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            MediaDownloadRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.MediaDownloadRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.blobId = value;
                            else
                                delete message.blobId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            MediaDownloadRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.MediaDownloadRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.MediaDownloadRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.MediaDownloadRequest();
                if (object.blobId != null)
                    if (typeof object.blobId !== "string" || object.blobId.length)
                        message.blobId = $String(object.blobId);
                return message;
            };

            MediaDownloadRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.blobId = "";
                if (message.blobId != null && $Object.hasOwnProperty.call(message, "blobId"))
                    object.blobId = message.blobId;
                return object;
            };

            MediaDownloadRequest.prototype.toJSON = function() {
                return MediaDownloadRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            MediaDownloadRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.MediaDownloadRequest";
            };

            return MediaDownloadRequest;
        })();

        v1.MediaTicket = (function() {

            const MediaTicket = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            MediaTicket.prototype.blobId = "";
            MediaTicket.prototype.url = "";
            MediaTicket.prototype.token = "";
            MediaTicket.prototype.expiresAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            MediaTicket.prototype.maxSize = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            MediaTicket.prototype.deleteToken = "";

            MediaTicket.create = function(properties) {
                return new MediaTicket(properties);
            };

            MediaTicket.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.blobId != null && $Object.hasOwnProperty.call(message, "blobId") && message.blobId !== "")
                    writer.uint32(10).string(message.blobId);
                if (message.url != null && $Object.hasOwnProperty.call(message, "url") && message.url !== "")
                    writer.uint32(18).string(message.url);
                if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                    writer.uint32(26).string(message.token);
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt") && (typeof message.expiresAt === "object" ? message.expiresAt.low || message.expiresAt.high : message.expiresAt !== 0))
                    writer.uint32(32).uint64(message.expiresAt);
                if (message.maxSize != null && $Object.hasOwnProperty.call(message, "maxSize") && (typeof message.maxSize === "object" ? message.maxSize.low || message.maxSize.high : message.maxSize !== 0))
                    writer.uint32(40).uint64(message.maxSize);
                if (message.deleteToken != null && $Object.hasOwnProperty.call(message, "deleteToken") && message.deleteToken !== "")
                    writer.uint32(50).string(message.deleteToken);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            MediaTicket.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.MediaTicket();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.blobId = value;
                            else
                                delete message.blobId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.url = value;
                            else
                                delete message.url;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.token = value;
                            else
                                delete message.token;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.expiresAt = value;
                            else
                                delete message.expiresAt;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.maxSize = value;
                            else
                                delete message.maxSize;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.deleteToken = value;
                            else
                                delete message.deleteToken;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            MediaTicket.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.MediaTicket)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.MediaTicket: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.MediaTicket();
                if (object.blobId != null)
                    if (typeof object.blobId !== "string" || object.blobId.length)
                        message.blobId = $String(object.blobId);
                if (object.url != null)
                    if (typeof object.url !== "string" || object.url.length)
                        message.url = $String(object.url);
                if (object.token != null)
                    if (typeof object.token !== "string" || object.token.length)
                        message.token = $String(object.token);
                if (object.expiresAt != null)
                    if (typeof object.expiresAt === "object" ? object.expiresAt.low || object.expiresAt.high : $Number(object.expiresAt) !== 0)
                        if ($util.Long)
                            message.expiresAt = $util.Long.fromValue(object.expiresAt, true);
                        else if (typeof object.expiresAt === "string")
                            message.expiresAt = $parseInt(object.expiresAt, 10);
                        else if (typeof object.expiresAt === "number")
                            message.expiresAt = object.expiresAt;
                        else if (typeof object.expiresAt === "object")
                            message.expiresAt = new $util.LongBits(object.expiresAt.low >>> 0, object.expiresAt.high >>> 0).toNumber(true);
                if (object.maxSize != null)
                    if (typeof object.maxSize === "object" ? object.maxSize.low || object.maxSize.high : $Number(object.maxSize) !== 0)
                        if ($util.Long)
                            message.maxSize = $util.Long.fromValue(object.maxSize, true);
                        else if (typeof object.maxSize === "string")
                            message.maxSize = $parseInt(object.maxSize, 10);
                        else if (typeof object.maxSize === "number")
                            message.maxSize = object.maxSize;
                        else if (typeof object.maxSize === "object")
                            message.maxSize = new $util.LongBits(object.maxSize.low >>> 0, object.maxSize.high >>> 0).toNumber(true);
                if (object.deleteToken != null)
                    if (typeof object.deleteToken !== "string" || object.deleteToken.length)
                        message.deleteToken = $String(object.deleteToken);
                return message;
            };

            MediaTicket.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.blobId = "";
                    object.url = "";
                    object.token = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.expiresAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.expiresAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.maxSize = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.maxSize = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.deleteToken = "";
                }
                if (message.blobId != null && $Object.hasOwnProperty.call(message, "blobId"))
                    object.blobId = message.blobId;
                if (message.url != null && $Object.hasOwnProperty.call(message, "url"))
                    object.url = message.url;
                if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                    object.token = message.token;
                if (message.expiresAt != null && $Object.hasOwnProperty.call(message, "expiresAt"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.expiresAt = typeof message.expiresAt === "number" ? $BigInt(message.expiresAt) : $util.Long.fromBits(message.expiresAt.low >>> 0, message.expiresAt.high >>> 0, true).toBigInt();
                    else if (typeof message.expiresAt === "number")
                        object.expiresAt = options.longs === $String ? $String(message.expiresAt) : message.expiresAt;
                    else
                        object.expiresAt = options.longs === $String ? $util.Long.prototype.toString.call(message.expiresAt) : options.longs === $Number ? new $util.LongBits(message.expiresAt.low >>> 0, message.expiresAt.high >>> 0).toNumber(true) : message.expiresAt;
                if (message.maxSize != null && $Object.hasOwnProperty.call(message, "maxSize"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.maxSize = typeof message.maxSize === "number" ? $BigInt(message.maxSize) : $util.Long.fromBits(message.maxSize.low >>> 0, message.maxSize.high >>> 0, true).toBigInt();
                    else if (typeof message.maxSize === "number")
                        object.maxSize = options.longs === $String ? $String(message.maxSize) : message.maxSize;
                    else
                        object.maxSize = options.longs === $String ? $util.Long.prototype.toString.call(message.maxSize) : options.longs === $Number ? new $util.LongBits(message.maxSize.low >>> 0, message.maxSize.high >>> 0).toNumber(true) : message.maxSize;
                if (message.deleteToken != null && $Object.hasOwnProperty.call(message, "deleteToken"))
                    object.deleteToken = message.deleteToken;
                return object;
            };

            MediaTicket.prototype.toJSON = function() {
                return MediaTicket.toObject(this, $protobuf.util.toJSONOptions);
            };

            MediaTicket.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.MediaTicket";
            };

            return MediaTicket;
        })();

        v1.MediaDeleteRequest = (function() {

            const MediaDeleteRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            MediaDeleteRequest.prototype.blobId = "";
            MediaDeleteRequest.prototype.deleteToken = "";

            MediaDeleteRequest.create = function(properties) {
                return new MediaDeleteRequest(properties);
            };

            MediaDeleteRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.blobId != null && $Object.hasOwnProperty.call(message, "blobId") && message.blobId !== "")
                    writer.uint32(10).string(message.blobId);
                if (message.deleteToken != null && $Object.hasOwnProperty.call(message, "deleteToken") && message.deleteToken !== "")
                    writer.uint32(18).string(message.deleteToken);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            MediaDeleteRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.MediaDeleteRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.blobId = value;
                            else
                                delete message.blobId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.deleteToken = value;
                            else
                                delete message.deleteToken;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            MediaDeleteRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.MediaDeleteRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.MediaDeleteRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.MediaDeleteRequest();
                if (object.blobId != null)
                    if (typeof object.blobId !== "string" || object.blobId.length)
                        message.blobId = $String(object.blobId);
                if (object.deleteToken != null)
                    if (typeof object.deleteToken !== "string" || object.deleteToken.length)
                        message.deleteToken = $String(object.deleteToken);
                return message;
            };

            MediaDeleteRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.blobId = "";
                    object.deleteToken = "";
                }
                if (message.blobId != null && $Object.hasOwnProperty.call(message, "blobId"))
                    object.blobId = message.blobId;
                if (message.deleteToken != null && $Object.hasOwnProperty.call(message, "deleteToken"))
                    object.deleteToken = message.deleteToken;
                return object;
            };

            MediaDeleteRequest.prototype.toJSON = function() {
                return MediaDeleteRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            MediaDeleteRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.MediaDeleteRequest";
            };

            return MediaDeleteRequest;
        })();

        v1.PayloadType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PAYLOAD_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PAYLOAD_TYPE_PLAINTEXT"] = 1;
            values[valuesById[2] = "PAYLOAD_TYPE_SIGNAL_MESSAGE"] = 2;
            values[valuesById[3] = "PAYLOAD_TYPE_PREKEY_SIGNAL_MESSAGE"] = 3;
            values[valuesById[4] = "PAYLOAD_TYPE_SENDER_KEY_MESSAGE"] = 4;
            values[valuesById[5] = "PAYLOAD_TYPE_RETRY_REQUEST"] = 5;
            return values;
        })();

        v1.Payload = (function() {

            const Payload = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Payload.prototype.type = 0;
            Payload.prototype.data = $util.newBuffer([]);

            Payload.create = function(properties) {
                return new Payload(properties);
            };

            Payload.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(8).int32(message.type);
                if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                    writer.uint32(18).bytes(message.data);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Payload.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Payload();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.bytes()).length)
                                message.data = value;
                            else
                                delete message.data;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Payload.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Payload)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Payload: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Payload();
                if (object.type !== 0 && (typeof object.type !== "string" || $root.parley.v1.PayloadType[object.type] !== 0))
                    switch (object.type) {
                    case "PAYLOAD_TYPE_UNSPECIFIED":
                    case 0:
                        message.type = 0;
                        break;
                    case "PAYLOAD_TYPE_PLAINTEXT":
                    case 1:
                        message.type = 1;
                        break;
                    case "PAYLOAD_TYPE_SIGNAL_MESSAGE":
                    case 2:
                        message.type = 2;
                        break;
                    case "PAYLOAD_TYPE_PREKEY_SIGNAL_MESSAGE":
                    case 3:
                        message.type = 3;
                        break;
                    case "PAYLOAD_TYPE_SENDER_KEY_MESSAGE":
                    case 4:
                        message.type = 4;
                        break;
                    case "PAYLOAD_TYPE_RETRY_REQUEST":
                    case 5:
                        message.type = 5;
                        break;
                    default:
                        if (typeof object.type === "number" && (object.type | 0) === object.type)
                            message.type = object.type;
                    }
                if (object.data != null)
                    if (object.data.length)
                        if (typeof object.data === "string")
                            $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                        else if (object.data.length >= 0)
                            message.data = object.data;
                return message;
            };

            Payload.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.type = options.enums === $String ? "PAYLOAD_TYPE_UNSPECIFIED" : 0;
                    if (options.bytes === $String)
                        object.data = "";
                    else {
                        object.data = [];
                        if (options.bytes !== $Array)
                            object.data = $util.newBuffer(object.data);
                    }
                }
                if (message.type != null && $Object.hasOwnProperty.call(message, "type"))
                    object.type = options.enums === $String ? $root.parley.v1.PayloadType[message.type] === $undefined ? message.type : $root.parley.v1.PayloadType[message.type] : message.type;
                if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                    object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                return object;
            };

            Payload.prototype.toJSON = function() {
                return Payload.toObject(this, $protobuf.util.toJSONOptions);
            };

            Payload.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Payload";
            };

            return Payload;
        })();

        v1.DeviceCopy = (function() {

            const DeviceCopy = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DeviceCopy.prototype.to = null;
            DeviceCopy.prototype.registrationId = 0;
            DeviceCopy.prototype.payload = null;

            DeviceCopy.create = function(properties) {
                return new DeviceCopy(properties);
            };

            DeviceCopy.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.to != null && $Object.hasOwnProperty.call(message, "to"))
                    $root.parley.v1.Address.encode(message.to, writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.registrationId != null && $Object.hasOwnProperty.call(message, "registrationId") && message.registrationId !== 0)
                    writer.uint32(16).uint32(message.registrationId);
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload"))
                    $root.parley.v1.Payload.encode(message.payload, writer.uint32(26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DeviceCopy.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DeviceCopy();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.to = $root.parley.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1, message.to);
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.registrationId = value;
                            else
                                delete message.registrationId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.payload = $root.parley.v1.Payload.decode(reader, reader.size(), $undefined, _depth + 1, message.payload);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DeviceCopy.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DeviceCopy)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DeviceCopy: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DeviceCopy();
                if (object.to != null) {
                    if (!$util.isObject(object.to))
                        throw $TypeError(".parley.v1.DeviceCopy.to: object expected");
                    message.to = $root.parley.v1.Address.fromObject(object.to, _depth + 1);
                }
                if (object.registrationId != null)
                    if ($Number(object.registrationId) !== 0)
                        message.registrationId = object.registrationId >>> 0;
                if (object.payload != null) {
                    if (!$util.isObject(object.payload))
                        throw $TypeError(".parley.v1.DeviceCopy.payload: object expected");
                    message.payload = $root.parley.v1.Payload.fromObject(object.payload, _depth + 1);
                }
                return message;
            };

            DeviceCopy.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.to = null;
                    object.registrationId = 0;
                    object.payload = null;
                }
                if (message.to != null && $Object.hasOwnProperty.call(message, "to"))
                    object.to = $root.parley.v1.Address.toObject(message.to, options, _depth + 1);
                if (message.registrationId != null && $Object.hasOwnProperty.call(message, "registrationId"))
                    object.registrationId = message.registrationId;
                if (message.payload != null && $Object.hasOwnProperty.call(message, "payload"))
                    object.payload = $root.parley.v1.Payload.toObject(message.payload, options, _depth + 1);
                return object;
            };

            DeviceCopy.prototype.toJSON = function() {
                return DeviceCopy.toObject(this, $protobuf.util.toJSONOptions);
            };

            DeviceCopy.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DeviceCopy";
            };

            return DeviceCopy;
        })();

        v1.Send = (function() {

            const Send = function (properties) {
                this.copies = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Send.prototype.messageId = "";
            Send.prototype.userId = null;
            Send.prototype.groupId = null;
            Send.prototype.shared = null;
            Send.prototype.copies = $util.emptyArray;
            Send.prototype.skipOwnDevices = false;
            Send.prototype.noReceipts = false;
            Send.prototype.direct = false;
            Send.prototype.attempt = 0;
            Send.prototype.ackDelivered = false;

            let $oneOfFields;

            $Object.defineProperty(Send.prototype, "destination", {
                get: $util.oneOfGetter($oneOfFields = ["userId", "groupId"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Send.create = function(properties) {
                return new Send(properties);
            };

            Send.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(10).string(message.messageId);
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    writer.uint32(18).string(message.userId);
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(26).string(message.groupId);
                if (message.shared != null && $Object.hasOwnProperty.call(message, "shared"))
                    $root.parley.v1.Payload.encode(message.shared, writer.uint32(34).fork(), _depth + 1).ldelim();
                if (message.copies != null && message.copies.length)
                    for (let i = 0; i < message.copies.length; ++i)
                        $root.parley.v1.DeviceCopy.encode(message.copies[i], writer.uint32(42).fork(), _depth + 1).ldelim();
                if (message.skipOwnDevices != null && $Object.hasOwnProperty.call(message, "skipOwnDevices") && message.skipOwnDevices !== false)
                    writer.uint32(48).bool(message.skipOwnDevices);
                if (message.noReceipts != null && $Object.hasOwnProperty.call(message, "noReceipts") && message.noReceipts !== false)
                    writer.uint32(56).bool(message.noReceipts);
                if (message.direct != null && $Object.hasOwnProperty.call(message, "direct") && message.direct !== false)
                    writer.uint32(64).bool(message.direct);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(72).uint32(message.attempt);
                if (message.ackDelivered != null && $Object.hasOwnProperty.call(message, "ackDelivered") && message.ackDelivered !== false)
                    writer.uint32(80).bool(message.ackDelivered);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Send.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Send();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.userId = reader.stringVerify();
                            message.destination = "userId";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.groupId = reader.stringVerify();
                            message.destination = "groupId";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.shared = $root.parley.v1.Payload.decode(reader, reader.size(), $undefined, _depth + 1, message.shared);
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.copies && message.copies.length))
                                message.copies = [];
                            message.copies.push($root.parley.v1.DeviceCopy.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.skipOwnDevices = value;
                            else
                                delete message.skipOwnDevices;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.noReceipts = value;
                            else
                                delete message.noReceipts;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.direct = value;
                            else
                                delete message.direct;
                            continue;
                        }
                    case 9: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.ackDelivered = value;
                            else
                                delete message.ackDelivered;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Send.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Send)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Send: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Send();
                if (object.messageId != null)
                    if (typeof object.messageId !== "string" || object.messageId.length)
                        message.messageId = $String(object.messageId);
                if (object.userId != null)
                    message.userId = $String(object.userId);
                if (object.groupId != null)
                    message.groupId = $String(object.groupId);
                if (object.shared != null) {
                    if (!$util.isObject(object.shared))
                        throw $TypeError(".parley.v1.Send.shared: object expected");
                    message.shared = $root.parley.v1.Payload.fromObject(object.shared, _depth + 1);
                }
                if (object.copies) {
                    if (!$Array.isArray(object.copies))
                        throw $TypeError(".parley.v1.Send.copies: array expected");
                    message.copies = $Array(object.copies.length);
                    for (let i = 0; i < object.copies.length; ++i) {
                        if (!$util.isObject(object.copies[i]))
                            throw $TypeError(".parley.v1.Send.copies: object expected");
                        message.copies[i] = $root.parley.v1.DeviceCopy.fromObject(object.copies[i], _depth + 1);
                    }
                }
                if (object.skipOwnDevices != null)
                    if (object.skipOwnDevices)
                        message.skipOwnDevices = $Boolean(object.skipOwnDevices);
                if (object.noReceipts != null)
                    if (object.noReceipts)
                        message.noReceipts = $Boolean(object.noReceipts);
                if (object.direct != null)
                    if (object.direct)
                        message.direct = $Boolean(object.direct);
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                if (object.ackDelivered != null)
                    if (object.ackDelivered)
                        message.ackDelivered = $Boolean(object.ackDelivered);
                return message;
            };

            Send.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.copies = [];
                if (options.defaults) {
                    object.messageId = "";
                    object.shared = null;
                    object.skipOwnDevices = false;
                    object.noReceipts = false;
                    object.direct = false;
                    object.attempt = 0;
                    object.ackDelivered = false;
                }
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    object.messageId = message.messageId;
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId")) {
                    object.userId = message.userId;
                    if (options.oneofs)
                        object.destination = "userId";
                }
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId")) {
                    object.groupId = message.groupId;
                    if (options.oneofs)
                        object.destination = "groupId";
                }
                if (message.shared != null && $Object.hasOwnProperty.call(message, "shared"))
                    object.shared = $root.parley.v1.Payload.toObject(message.shared, options, _depth + 1);
                if (message.copies && message.copies.length) {
                    object.copies = $Array(message.copies.length);
                    for (let j = 0; j < message.copies.length; ++j)
                        object.copies[j] = $root.parley.v1.DeviceCopy.toObject(message.copies[j], options, _depth + 1);
                }
                if (message.skipOwnDevices != null && $Object.hasOwnProperty.call(message, "skipOwnDevices"))
                    object.skipOwnDevices = message.skipOwnDevices;
                if (message.noReceipts != null && $Object.hasOwnProperty.call(message, "noReceipts"))
                    object.noReceipts = message.noReceipts;
                if (message.direct != null && $Object.hasOwnProperty.call(message, "direct"))
                    object.direct = message.direct;
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                if (message.ackDelivered != null && $Object.hasOwnProperty.call(message, "ackDelivered"))
                    object.ackDelivered = message.ackDelivered;
                return object;
            };

            Send.prototype.toJSON = function() {
                return Send.toObject(this, $protobuf.util.toJSONOptions);
            };

            Send.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Send";
            };

            return Send;
        })();

        v1.SendAck = (function() {

            const SendAck = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SendAck.prototype.messageId = "";
            SendAck.prototype.serverTime = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            SendAck.prototype.recipients = 0;
            SendAck.prototype.deliveredAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            SendAck.create = function(properties) {
                return new SendAck(properties);
            };

            SendAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(10).string(message.messageId);
                if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime") && (typeof message.serverTime === "object" ? message.serverTime.low || message.serverTime.high : message.serverTime !== 0))
                    writer.uint32(16).uint64(message.serverTime);
                if (message.recipients != null && $Object.hasOwnProperty.call(message, "recipients") && message.recipients !== 0)
                    writer.uint32(24).uint32(message.recipients);
                if (message.deliveredAt != null && $Object.hasOwnProperty.call(message, "deliveredAt") && (typeof message.deliveredAt === "object" ? message.deliveredAt.low || message.deliveredAt.high : message.deliveredAt !== 0))
                    writer.uint32(32).uint64(message.deliveredAt);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SendAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.SendAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.serverTime = value;
                            else
                                delete message.serverTime;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.recipients = value;
                            else
                                delete message.recipients;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.deliveredAt = value;
                            else
                                delete message.deliveredAt;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SendAck.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.SendAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.SendAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.SendAck();
                if (object.messageId != null)
                    if (typeof object.messageId !== "string" || object.messageId.length)
                        message.messageId = $String(object.messageId);
                if (object.serverTime != null)
                    if (typeof object.serverTime === "object" ? object.serverTime.low || object.serverTime.high : $Number(object.serverTime) !== 0)
                        if ($util.Long)
                            message.serverTime = $util.Long.fromValue(object.serverTime, true);
                        else if (typeof object.serverTime === "string")
                            message.serverTime = $parseInt(object.serverTime, 10);
                        else if (typeof object.serverTime === "number")
                            message.serverTime = object.serverTime;
                        else if (typeof object.serverTime === "object")
                            message.serverTime = new $util.LongBits(object.serverTime.low >>> 0, object.serverTime.high >>> 0).toNumber(true);
                if (object.recipients != null)
                    if ($Number(object.recipients) !== 0)
                        message.recipients = object.recipients >>> 0;
                if (object.deliveredAt != null)
                    if (typeof object.deliveredAt === "object" ? object.deliveredAt.low || object.deliveredAt.high : $Number(object.deliveredAt) !== 0)
                        if ($util.Long)
                            message.deliveredAt = $util.Long.fromValue(object.deliveredAt, true);
                        else if (typeof object.deliveredAt === "string")
                            message.deliveredAt = $parseInt(object.deliveredAt, 10);
                        else if (typeof object.deliveredAt === "number")
                            message.deliveredAt = object.deliveredAt;
                        else if (typeof object.deliveredAt === "object")
                            message.deliveredAt = new $util.LongBits(object.deliveredAt.low >>> 0, object.deliveredAt.high >>> 0).toNumber(true);
                return message;
            };

            SendAck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.messageId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.serverTime = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.serverTime = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.recipients = 0;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.deliveredAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.deliveredAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    object.messageId = message.messageId;
                if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.serverTime = typeof message.serverTime === "number" ? $BigInt(message.serverTime) : $util.Long.fromBits(message.serverTime.low >>> 0, message.serverTime.high >>> 0, true).toBigInt();
                    else if (typeof message.serverTime === "number")
                        object.serverTime = options.longs === $String ? $String(message.serverTime) : message.serverTime;
                    else
                        object.serverTime = options.longs === $String ? $util.Long.prototype.toString.call(message.serverTime) : options.longs === $Number ? new $util.LongBits(message.serverTime.low >>> 0, message.serverTime.high >>> 0).toNumber(true) : message.serverTime;
                if (message.recipients != null && $Object.hasOwnProperty.call(message, "recipients"))
                    object.recipients = message.recipients;
                if (message.deliveredAt != null && $Object.hasOwnProperty.call(message, "deliveredAt"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.deliveredAt = typeof message.deliveredAt === "number" ? $BigInt(message.deliveredAt) : $util.Long.fromBits(message.deliveredAt.low >>> 0, message.deliveredAt.high >>> 0, true).toBigInt();
                    else if (typeof message.deliveredAt === "number")
                        object.deliveredAt = options.longs === $String ? $String(message.deliveredAt) : message.deliveredAt;
                    else
                        object.deliveredAt = options.longs === $String ? $util.Long.prototype.toString.call(message.deliveredAt) : options.longs === $Number ? new $util.LongBits(message.deliveredAt.low >>> 0, message.deliveredAt.high >>> 0).toNumber(true) : message.deliveredAt;
                return object;
            };

            SendAck.prototype.toJSON = function() {
                return SendAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            SendAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.SendAck";
            };

            return SendAck;
        })();

        v1.Envelope = (function() {

            const Envelope = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Envelope.prototype.id = "";
            Envelope.prototype.sender = null;
            Envelope.prototype.serverTime = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Envelope.prototype.groupId = "";
            Envelope.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;
            Envelope.prototype.message = null;
            Envelope.prototype.receipt = null;
            Envelope.prototype.groupRecord = null;
            Envelope.prototype.devicesChanged = null;
            Envelope.prototype.conversationUserId = "";
            Envelope.prototype.messageId = "";
            Envelope.prototype.senderKeyDistribution = null;

            let $oneOfFields;

            $Object.defineProperty(Envelope.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["message", "receipt", "groupRecord", "devicesChanged"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Envelope.create = function(properties) {
                return new Envelope(properties);
            };

            Envelope.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                    writer.uint32(10).string(message.id);
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender"))
                    $root.parley.v1.Address.encode(message.sender, writer.uint32(18).fork(), _depth + 1).ldelim();
                if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime") && (typeof message.serverTime === "object" ? message.serverTime.low || message.serverTime.high : message.serverTime !== 0))
                    writer.uint32(24).uint64(message.serverTime);
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId") && message.groupId !== "")
                    writer.uint32(34).string(message.groupId);
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && (typeof message.seq === "object" ? message.seq.low || message.seq.high : message.seq !== 0))
                    writer.uint32(40).uint64(message.seq);
                if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                    $root.parley.v1.Payload.encode(message.message, writer.uint32(82).fork(), _depth + 1).ldelim();
                if (message.receipt != null && $Object.hasOwnProperty.call(message, "receipt"))
                    $root.parley.v1.ReceiptEvent.encode(message.receipt, writer.uint32(90).fork(), _depth + 1).ldelim();
                if (message.groupRecord != null && $Object.hasOwnProperty.call(message, "groupRecord"))
                    $root.parley.v1.GroupRecord.encode(message.groupRecord, writer.uint32(98).fork(), _depth + 1).ldelim();
                if (message.devicesChanged != null && $Object.hasOwnProperty.call(message, "devicesChanged"))
                    $root.parley.v1.DevicesChanged.encode(message.devicesChanged, writer.uint32(106).fork(), _depth + 1).ldelim();
                if (message.conversationUserId != null && $Object.hasOwnProperty.call(message, "conversationUserId") && message.conversationUserId !== "")
                    writer.uint32(114).string(message.conversationUserId);
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(122).string(message.messageId);
                if (message.senderKeyDistribution != null && $Object.hasOwnProperty.call(message, "senderKeyDistribution"))
                    $root.parley.v1.Payload.encode(message.senderKeyDistribution, writer.uint32(130).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Envelope.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Envelope();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.id = value;
                            else
                                delete message.id;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.sender = $root.parley.v1.Address.decode(reader, reader.size(), $undefined, _depth + 1, message.sender);
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.serverTime = value;
                            else
                                delete message.serverTime;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.groupId = value;
                            else
                                delete message.groupId;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.seq = value;
                            else
                                delete message.seq;
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            message.message = $root.parley.v1.Payload.decode(reader, reader.size(), $undefined, _depth + 1, message.message);
                            message.body = "message";
                            continue;
                        }
                    case 11: {
                            if (wireType !== 2)
                                break;
                            message.receipt = $root.parley.v1.ReceiptEvent.decode(reader, reader.size(), $undefined, _depth + 1, message.receipt);
                            message.body = "receipt";
                            continue;
                        }
                    case 12: {
                            if (wireType !== 2)
                                break;
                            message.groupRecord = $root.parley.v1.GroupRecord.decode(reader, reader.size(), $undefined, _depth + 1, message.groupRecord);
                            message.body = "groupRecord";
                            continue;
                        }
                    case 13: {
                            if (wireType !== 2)
                                break;
                            message.devicesChanged = $root.parley.v1.DevicesChanged.decode(reader, reader.size(), $undefined, _depth + 1, message.devicesChanged);
                            message.body = "devicesChanged";
                            continue;
                        }
                    case 14: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.conversationUserId = value;
                            else
                                delete message.conversationUserId;
                            continue;
                        }
                    case 15: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 16: {
                            if (wireType !== 2)
                                break;
                            message.senderKeyDistribution = $root.parley.v1.Payload.decode(reader, reader.size(), $undefined, _depth + 1, message.senderKeyDistribution);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Envelope.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Envelope)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Envelope: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Envelope();
                if (object.id != null)
                    if (typeof object.id !== "string" || object.id.length)
                        message.id = $String(object.id);
                if (object.sender != null) {
                    if (!$util.isObject(object.sender))
                        throw $TypeError(".parley.v1.Envelope.sender: object expected");
                    message.sender = $root.parley.v1.Address.fromObject(object.sender, _depth + 1);
                }
                if (object.serverTime != null)
                    if (typeof object.serverTime === "object" ? object.serverTime.low || object.serverTime.high : $Number(object.serverTime) !== 0)
                        if ($util.Long)
                            message.serverTime = $util.Long.fromValue(object.serverTime, true);
                        else if (typeof object.serverTime === "string")
                            message.serverTime = $parseInt(object.serverTime, 10);
                        else if (typeof object.serverTime === "number")
                            message.serverTime = object.serverTime;
                        else if (typeof object.serverTime === "object")
                            message.serverTime = new $util.LongBits(object.serverTime.low >>> 0, object.serverTime.high >>> 0).toNumber(true);
                if (object.groupId != null)
                    if (typeof object.groupId !== "string" || object.groupId.length)
                        message.groupId = $String(object.groupId);
                if (object.seq != null)
                    if (typeof object.seq === "object" ? object.seq.low || object.seq.high : $Number(object.seq) !== 0)
                        if ($util.Long)
                            message.seq = $util.Long.fromValue(object.seq, true);
                        else if (typeof object.seq === "string")
                            message.seq = $parseInt(object.seq, 10);
                        else if (typeof object.seq === "number")
                            message.seq = object.seq;
                        else if (typeof object.seq === "object")
                            message.seq = new $util.LongBits(object.seq.low >>> 0, object.seq.high >>> 0).toNumber(true);
                if (object.message != null) {
                    if (!$util.isObject(object.message))
                        throw $TypeError(".parley.v1.Envelope.message: object expected");
                    message.message = $root.parley.v1.Payload.fromObject(object.message, _depth + 1);
                }
                if (object.receipt != null) {
                    if (!$util.isObject(object.receipt))
                        throw $TypeError(".parley.v1.Envelope.receipt: object expected");
                    message.receipt = $root.parley.v1.ReceiptEvent.fromObject(object.receipt, _depth + 1);
                }
                if (object.groupRecord != null) {
                    if (!$util.isObject(object.groupRecord))
                        throw $TypeError(".parley.v1.Envelope.groupRecord: object expected");
                    message.groupRecord = $root.parley.v1.GroupRecord.fromObject(object.groupRecord, _depth + 1);
                }
                if (object.devicesChanged != null) {
                    if (!$util.isObject(object.devicesChanged))
                        throw $TypeError(".parley.v1.Envelope.devicesChanged: object expected");
                    message.devicesChanged = $root.parley.v1.DevicesChanged.fromObject(object.devicesChanged, _depth + 1);
                }
                if (object.conversationUserId != null)
                    if (typeof object.conversationUserId !== "string" || object.conversationUserId.length)
                        message.conversationUserId = $String(object.conversationUserId);
                if (object.messageId != null)
                    if (typeof object.messageId !== "string" || object.messageId.length)
                        message.messageId = $String(object.messageId);
                if (object.senderKeyDistribution != null) {
                    if (!$util.isObject(object.senderKeyDistribution))
                        throw $TypeError(".parley.v1.Envelope.senderKeyDistribution: object expected");
                    message.senderKeyDistribution = $root.parley.v1.Payload.fromObject(object.senderKeyDistribution, _depth + 1);
                }
                return message;
            };

            Envelope.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.id = "";
                    object.sender = null;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.serverTime = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.serverTime = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.groupId = "";
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.seq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.seq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    object.conversationUserId = "";
                    object.messageId = "";
                    object.senderKeyDistribution = null;
                }
                if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                    object.id = message.id;
                if (message.sender != null && $Object.hasOwnProperty.call(message, "sender"))
                    object.sender = $root.parley.v1.Address.toObject(message.sender, options, _depth + 1);
                if (message.serverTime != null && $Object.hasOwnProperty.call(message, "serverTime"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.serverTime = typeof message.serverTime === "number" ? $BigInt(message.serverTime) : $util.Long.fromBits(message.serverTime.low >>> 0, message.serverTime.high >>> 0, true).toBigInt();
                    else if (typeof message.serverTime === "number")
                        object.serverTime = options.longs === $String ? $String(message.serverTime) : message.serverTime;
                    else
                        object.serverTime = options.longs === $String ? $util.Long.prototype.toString.call(message.serverTime) : options.longs === $Number ? new $util.LongBits(message.serverTime.low >>> 0, message.serverTime.high >>> 0).toNumber(true) : message.serverTime;
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    object.groupId = message.groupId;
                if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.seq = typeof message.seq === "number" ? $BigInt(message.seq) : $util.Long.fromBits(message.seq.low >>> 0, message.seq.high >>> 0, true).toBigInt();
                    else if (typeof message.seq === "number")
                        object.seq = options.longs === $String ? $String(message.seq) : message.seq;
                    else
                        object.seq = options.longs === $String ? $util.Long.prototype.toString.call(message.seq) : options.longs === $Number ? new $util.LongBits(message.seq.low >>> 0, message.seq.high >>> 0).toNumber(true) : message.seq;
                if (message.message != null && $Object.hasOwnProperty.call(message, "message")) {
                    object.message = $root.parley.v1.Payload.toObject(message.message, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "message";
                }
                if (message.receipt != null && $Object.hasOwnProperty.call(message, "receipt")) {
                    object.receipt = $root.parley.v1.ReceiptEvent.toObject(message.receipt, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "receipt";
                }
                if (message.groupRecord != null && $Object.hasOwnProperty.call(message, "groupRecord")) {
                    object.groupRecord = $root.parley.v1.GroupRecord.toObject(message.groupRecord, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "groupRecord";
                }
                if (message.devicesChanged != null && $Object.hasOwnProperty.call(message, "devicesChanged")) {
                    object.devicesChanged = $root.parley.v1.DevicesChanged.toObject(message.devicesChanged, options, _depth + 1);
                    if (options.oneofs)
                        object.body = "devicesChanged";
                }
                if (message.conversationUserId != null && $Object.hasOwnProperty.call(message, "conversationUserId"))
                    object.conversationUserId = message.conversationUserId;
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    object.messageId = message.messageId;
                if (message.senderKeyDistribution != null && $Object.hasOwnProperty.call(message, "senderKeyDistribution"))
                    object.senderKeyDistribution = $root.parley.v1.Payload.toObject(message.senderKeyDistribution, options, _depth + 1);
                return object;
            };

            Envelope.prototype.toJSON = function() {
                return Envelope.toObject(this, $protobuf.util.toJSONOptions);
            };

            Envelope.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Envelope";
            };

            return Envelope;
        })();

        v1.Deliver = (function() {

            const Deliver = function (properties) {
                this.envelopes = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Deliver.prototype.envelopes = $util.emptyArray;

            Deliver.create = function(properties) {
                return new Deliver(properties);
            };

            Deliver.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.envelopes != null && message.envelopes.length)
                    for (let i = 0; i < message.envelopes.length; ++i)
                        $root.parley.v1.Envelope.encode(message.envelopes[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Deliver.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Deliver();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.envelopes && message.envelopes.length))
                                message.envelopes = [];
                            message.envelopes.push($root.parley.v1.Envelope.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Deliver.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Deliver)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Deliver: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Deliver();
                if (object.envelopes) {
                    if (!$Array.isArray(object.envelopes))
                        throw $TypeError(".parley.v1.Deliver.envelopes: array expected");
                    message.envelopes = $Array(object.envelopes.length);
                    for (let i = 0; i < object.envelopes.length; ++i) {
                        if (!$util.isObject(object.envelopes[i]))
                            throw $TypeError(".parley.v1.Deliver.envelopes: object expected");
                        message.envelopes[i] = $root.parley.v1.Envelope.fromObject(object.envelopes[i], _depth + 1);
                    }
                }
                return message;
            };

            Deliver.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.envelopes = [];
                if (message.envelopes && message.envelopes.length) {
                    object.envelopes = $Array(message.envelopes.length);
                    for (let j = 0; j < message.envelopes.length; ++j)
                        object.envelopes[j] = $root.parley.v1.Envelope.toObject(message.envelopes[j], options, _depth + 1);
                }
                return object;
            };

            Deliver.prototype.toJSON = function() {
                return Deliver.toObject(this, $protobuf.util.toJSONOptions);
            };

            Deliver.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Deliver";
            };

            return Deliver;
        })();

        v1.DeliverAck = (function() {

            const DeliverAck = function (properties) {
                this.ids = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DeliverAck.prototype.ids = $util.emptyArray;

            DeliverAck.create = function(properties) {
                return new DeliverAck(properties);
            };

            DeliverAck.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.ids != null && message.ids.length)
                    for (let i = 0; i < message.ids.length; ++i)
                        writer.uint32(10).string(message.ids[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DeliverAck.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DeliverAck();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.ids && message.ids.length))
                                message.ids = [];
                            message.ids.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DeliverAck.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DeliverAck)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DeliverAck: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DeliverAck();
                if (object.ids) {
                    if (!$Array.isArray(object.ids))
                        throw $TypeError(".parley.v1.DeliverAck.ids: array expected");
                    message.ids = $Array(object.ids.length);
                    for (let i = 0; i < object.ids.length; ++i)
                        message.ids[i] = $String(object.ids[i]);
                }
                return message;
            };

            DeliverAck.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.ids = [];
                if (message.ids && message.ids.length) {
                    object.ids = $Array(message.ids.length);
                    for (let j = 0; j < message.ids.length; ++j)
                        object.ids[j] = message.ids[j];
                }
                return object;
            };

            DeliverAck.prototype.toJSON = function() {
                return DeliverAck.toObject(this, $protobuf.util.toJSONOptions);
            };

            DeliverAck.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DeliverAck";
            };

            return DeliverAck;
        })();

        v1.SyncComplete = (function() {

            const SyncComplete = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SyncComplete.prototype.delivered = 0;

            SyncComplete.create = function(properties) {
                return new SyncComplete(properties);
            };

            SyncComplete.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.delivered != null && $Object.hasOwnProperty.call(message, "delivered") && message.delivered !== 0)
                    writer.uint32(8).uint32(message.delivered);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SyncComplete.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.SyncComplete();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.delivered = value;
                            else
                                delete message.delivered;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SyncComplete.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.SyncComplete)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.SyncComplete: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.SyncComplete();
                if (object.delivered != null)
                    if ($Number(object.delivered) !== 0)
                        message.delivered = object.delivered >>> 0;
                return message;
            };

            SyncComplete.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.delivered = 0;
                if (message.delivered != null && $Object.hasOwnProperty.call(message, "delivered"))
                    object.delivered = message.delivered;
                return object;
            };

            SyncComplete.prototype.toJSON = function() {
                return SyncComplete.toObject(this, $protobuf.util.toJSONOptions);
            };

            SyncComplete.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.SyncComplete";
            };

            return SyncComplete;
        })();

        v1.DevicesChanged = (function() {

            const DevicesChanged = function (properties) {
                this.deviceIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            DevicesChanged.prototype.userId = "";
            DevicesChanged.prototype.deviceIds = $util.emptyArray;

            DevicesChanged.create = function(properties) {
                return new DevicesChanged(properties);
            };

            DevicesChanged.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.deviceIds != null && message.deviceIds.length)
                    writer.uint32(18).uint32s(message.deviceIds);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            DevicesChanged.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.DevicesChanged();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType === 2) {
                                if (!(message.deviceIds && message.deviceIds.length))
                                    message.deviceIds = [];
                                reader.uint32s(message.deviceIds);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.deviceIds && message.deviceIds.length))
                                message.deviceIds = [];
                            message.deviceIds.push(reader.uint32());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            DevicesChanged.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.DevicesChanged)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.DevicesChanged: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.DevicesChanged();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.deviceIds) {
                    if (!$Array.isArray(object.deviceIds))
                        throw $TypeError(".parley.v1.DevicesChanged.deviceIds: array expected");
                    message.deviceIds = $Array(object.deviceIds.length);
                    for (let i = 0; i < object.deviceIds.length; ++i)
                        message.deviceIds[i] = object.deviceIds[i] >>> 0;
                }
                return message;
            };

            DevicesChanged.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.deviceIds = [];
                if (options.defaults)
                    object.userId = "";
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.deviceIds && message.deviceIds.length) {
                    object.deviceIds = $Array(message.deviceIds.length);
                    for (let j = 0; j < message.deviceIds.length; ++j)
                        object.deviceIds[j] = message.deviceIds[j];
                }
                return object;
            };

            DevicesChanged.prototype.toJSON = function() {
                return DevicesChanged.toObject(this, $protobuf.util.toJSONOptions);
            };

            DevicesChanged.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.DevicesChanged";
            };

            return DevicesChanged;
        })();

        v1.RetryRequest = (function() {

            const RetryRequest = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            RetryRequest.prototype.messageId = "";
            RetryRequest.prototype.attempt = 0;
            RetryRequest.prototype.registrationId = 0;

            RetryRequest.create = function(properties) {
                return new RetryRequest(properties);
            };

            RetryRequest.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId") && message.messageId !== "")
                    writer.uint32(10).string(message.messageId);
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt") && message.attempt !== 0)
                    writer.uint32(16).uint32(message.attempt);
                if (message.registrationId != null && $Object.hasOwnProperty.call(message, "registrationId") && message.registrationId !== 0)
                    writer.uint32(24).uint32(message.registrationId);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            RetryRequest.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.RetryRequest();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.messageId = value;
                            else
                                delete message.messageId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.attempt = value;
                            else
                                delete message.attempt;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.registrationId = value;
                            else
                                delete message.registrationId;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            RetryRequest.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.RetryRequest)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.RetryRequest: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.RetryRequest();
                if (object.messageId != null)
                    if (typeof object.messageId !== "string" || object.messageId.length)
                        message.messageId = $String(object.messageId);
                if (object.attempt != null)
                    if ($Number(object.attempt) !== 0)
                        message.attempt = object.attempt >>> 0;
                if (object.registrationId != null)
                    if ($Number(object.registrationId) !== 0)
                        message.registrationId = object.registrationId >>> 0;
                return message;
            };

            RetryRequest.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.messageId = "";
                    object.attempt = 0;
                    object.registrationId = 0;
                }
                if (message.messageId != null && $Object.hasOwnProperty.call(message, "messageId"))
                    object.messageId = message.messageId;
                if (message.attempt != null && $Object.hasOwnProperty.call(message, "attempt"))
                    object.attempt = message.attempt;
                if (message.registrationId != null && $Object.hasOwnProperty.call(message, "registrationId"))
                    object.registrationId = message.registrationId;
                return object;
            };

            RetryRequest.prototype.toJSON = function() {
                return RetryRequest.toObject(this, $protobuf.util.toJSONOptions);
            };

            RetryRequest.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.RetryRequest";
            };

            return RetryRequest;
        })();

        v1.LastSeenVisibility = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "LAST_SEEN_VISIBILITY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "LAST_SEEN_VISIBILITY_EVERYONE"] = 1;
            values[valuesById[2] = "LAST_SEEN_VISIBILITY_CONTACTS"] = 2;
            values[valuesById[3] = "LAST_SEEN_VISIBILITY_NOBODY"] = 3;
            return values;
        })();

        v1.GroupAddPolicy = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "GROUP_ADD_POLICY_UNSPECIFIED"] = 0;
            values[valuesById[1] = "GROUP_ADD_POLICY_EVERYONE"] = 1;
            values[valuesById[2] = "GROUP_ADD_POLICY_CONTACTS"] = 2;
            values[valuesById[3] = "GROUP_ADD_POLICY_NOBODY"] = 3;
            return values;
        })();

        v1.PresenceState = (function() {

            const PresenceState = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PresenceState.prototype.userId = "";
            PresenceState.prototype.online = false;
            PresenceState.prototype.lastSeen = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            PresenceState.create = function(properties) {
                return new PresenceState(properties);
            };

            PresenceState.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(10).string(message.userId);
                if (message.online != null && $Object.hasOwnProperty.call(message, "online") && message.online !== false)
                    writer.uint32(16).bool(message.online);
                if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen") && (typeof message.lastSeen === "object" ? message.lastSeen.low || message.lastSeen.high : message.lastSeen !== 0))
                    writer.uint32(24).uint64(message.lastSeen);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PresenceState.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PresenceState();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.online = value;
                            else
                                delete message.online;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.lastSeen = value;
                            else
                                delete message.lastSeen;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PresenceState.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PresenceState)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PresenceState: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.PresenceState();
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.online != null)
                    if (object.online)
                        message.online = $Boolean(object.online);
                if (object.lastSeen != null)
                    if (typeof object.lastSeen === "object" ? object.lastSeen.low || object.lastSeen.high : $Number(object.lastSeen) !== 0)
                        if ($util.Long)
                            message.lastSeen = $util.Long.fromValue(object.lastSeen, true);
                        else if (typeof object.lastSeen === "string")
                            message.lastSeen = $parseInt(object.lastSeen, 10);
                        else if (typeof object.lastSeen === "number")
                            message.lastSeen = object.lastSeen;
                        else if (typeof object.lastSeen === "object")
                            message.lastSeen = new $util.LongBits(object.lastSeen.low >>> 0, object.lastSeen.high >>> 0).toNumber(true);
                return message;
            };

            PresenceState.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.userId = "";
                    object.online = false;
                    if ($util.Long) {
                        let long = new $util.Long(0, 0, true);
                        object.lastSeen = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                    } else
                        object.lastSeen = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.online != null && $Object.hasOwnProperty.call(message, "online"))
                    object.online = message.online;
                if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen"))
                    if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                        object.lastSeen = typeof message.lastSeen === "number" ? $BigInt(message.lastSeen) : $util.Long.fromBits(message.lastSeen.low >>> 0, message.lastSeen.high >>> 0, true).toBigInt();
                    else if (typeof message.lastSeen === "number")
                        object.lastSeen = options.longs === $String ? $String(message.lastSeen) : message.lastSeen;
                    else
                        object.lastSeen = options.longs === $String ? $util.Long.prototype.toString.call(message.lastSeen) : options.longs === $Number ? new $util.LongBits(message.lastSeen.low >>> 0, message.lastSeen.high >>> 0).toNumber(true) : message.lastSeen;
                return object;
            };

            PresenceState.prototype.toJSON = function() {
                return PresenceState.toObject(this, $protobuf.util.toJSONOptions);
            };

            PresenceState.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PresenceState";
            };

            return PresenceState;
        })();

        v1.PresenceSubscribe = (function() {

            const PresenceSubscribe = function (properties) {
                this.userIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PresenceSubscribe.prototype.userIds = $util.emptyArray;

            PresenceSubscribe.create = function(properties) {
                return new PresenceSubscribe(properties);
            };

            PresenceSubscribe.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userIds != null && message.userIds.length)
                    for (let i = 0; i < message.userIds.length; ++i)
                        writer.uint32(10).string(message.userIds[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PresenceSubscribe.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PresenceSubscribe();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.userIds && message.userIds.length))
                                message.userIds = [];
                            message.userIds.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PresenceSubscribe.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PresenceSubscribe)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PresenceSubscribe: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.PresenceSubscribe();
                if (object.userIds) {
                    if (!$Array.isArray(object.userIds))
                        throw $TypeError(".parley.v1.PresenceSubscribe.userIds: array expected");
                    message.userIds = $Array(object.userIds.length);
                    for (let i = 0; i < object.userIds.length; ++i)
                        message.userIds[i] = $String(object.userIds[i]);
                }
                return message;
            };

            PresenceSubscribe.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.userIds = [];
                if (message.userIds && message.userIds.length) {
                    object.userIds = $Array(message.userIds.length);
                    for (let j = 0; j < message.userIds.length; ++j)
                        object.userIds[j] = message.userIds[j];
                }
                return object;
            };

            PresenceSubscribe.prototype.toJSON = function() {
                return PresenceSubscribe.toObject(this, $protobuf.util.toJSONOptions);
            };

            PresenceSubscribe.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PresenceSubscribe";
            };

            return PresenceSubscribe;
        })();

        v1.PresenceSnapshot = (function() {

            const PresenceSnapshot = function (properties) {
                this.states = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PresenceSnapshot.prototype.states = $util.emptyArray;

            PresenceSnapshot.create = function(properties) {
                return new PresenceSnapshot(properties);
            };

            PresenceSnapshot.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.states != null && message.states.length)
                    for (let i = 0; i < message.states.length; ++i)
                        $root.parley.v1.PresenceState.encode(message.states[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PresenceSnapshot.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PresenceSnapshot();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.states && message.states.length))
                                message.states = [];
                            message.states.push($root.parley.v1.PresenceState.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PresenceSnapshot.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PresenceSnapshot)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PresenceSnapshot: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.PresenceSnapshot();
                if (object.states) {
                    if (!$Array.isArray(object.states))
                        throw $TypeError(".parley.v1.PresenceSnapshot.states: array expected");
                    message.states = $Array(object.states.length);
                    for (let i = 0; i < object.states.length; ++i) {
                        if (!$util.isObject(object.states[i]))
                            throw $TypeError(".parley.v1.PresenceSnapshot.states: object expected");
                        message.states[i] = $root.parley.v1.PresenceState.fromObject(object.states[i], _depth + 1);
                    }
                }
                return message;
            };

            PresenceSnapshot.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.states = [];
                if (message.states && message.states.length) {
                    object.states = $Array(message.states.length);
                    for (let j = 0; j < message.states.length; ++j)
                        object.states[j] = $root.parley.v1.PresenceState.toObject(message.states[j], options, _depth + 1);
                }
                return object;
            };

            PresenceSnapshot.prototype.toJSON = function() {
                return PresenceSnapshot.toObject(this, $protobuf.util.toJSONOptions);
            };

            PresenceSnapshot.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PresenceSnapshot";
            };

            return PresenceSnapshot;
        })();

        v1.PresenceUnsubscribe = (function() {

            const PresenceUnsubscribe = function (properties) {
                this.userIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PresenceUnsubscribe.prototype.userIds = $util.emptyArray;

            PresenceUnsubscribe.create = function(properties) {
                return new PresenceUnsubscribe(properties);
            };

            PresenceUnsubscribe.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userIds != null && message.userIds.length)
                    for (let i = 0; i < message.userIds.length; ++i)
                        writer.uint32(10).string(message.userIds[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PresenceUnsubscribe.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PresenceUnsubscribe();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.userIds && message.userIds.length))
                                message.userIds = [];
                            message.userIds.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PresenceUnsubscribe.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PresenceUnsubscribe)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PresenceUnsubscribe: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.PresenceUnsubscribe();
                if (object.userIds) {
                    if (!$Array.isArray(object.userIds))
                        throw $TypeError(".parley.v1.PresenceUnsubscribe.userIds: array expected");
                    message.userIds = $Array(object.userIds.length);
                    for (let i = 0; i < object.userIds.length; ++i)
                        message.userIds[i] = $String(object.userIds[i]);
                }
                return message;
            };

            PresenceUnsubscribe.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.userIds = [];
                if (message.userIds && message.userIds.length) {
                    object.userIds = $Array(message.userIds.length);
                    for (let j = 0; j < message.userIds.length; ++j)
                        object.userIds[j] = message.userIds[j];
                }
                return object;
            };

            PresenceUnsubscribe.prototype.toJSON = function() {
                return PresenceUnsubscribe.toObject(this, $protobuf.util.toJSONOptions);
            };

            PresenceUnsubscribe.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PresenceUnsubscribe";
            };

            return PresenceUnsubscribe;
        })();

        v1.PresenceChanged = (function() {

            const PresenceChanged = function (properties) {
                this.states = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            PresenceChanged.prototype.states = $util.emptyArray;

            PresenceChanged.create = function(properties) {
                return new PresenceChanged(properties);
            };

            PresenceChanged.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.states != null && message.states.length)
                    for (let i = 0; i < message.states.length; ++i)
                        $root.parley.v1.PresenceState.encode(message.states[i], writer.uint32(10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            PresenceChanged.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.PresenceChanged();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.states && message.states.length))
                                message.states = [];
                            message.states.push($root.parley.v1.PresenceState.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            PresenceChanged.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.PresenceChanged)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.PresenceChanged: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.PresenceChanged();
                if (object.states) {
                    if (!$Array.isArray(object.states))
                        throw $TypeError(".parley.v1.PresenceChanged.states: array expected");
                    message.states = $Array(object.states.length);
                    for (let i = 0; i < object.states.length; ++i) {
                        if (!$util.isObject(object.states[i]))
                            throw $TypeError(".parley.v1.PresenceChanged.states: object expected");
                        message.states[i] = $root.parley.v1.PresenceState.fromObject(object.states[i], _depth + 1);
                    }
                }
                return message;
            };

            PresenceChanged.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.states = [];
                if (message.states && message.states.length) {
                    object.states = $Array(message.states.length);
                    for (let j = 0; j < message.states.length; ++j)
                        object.states[j] = $root.parley.v1.PresenceState.toObject(message.states[j], options, _depth + 1);
                }
                return object;
            };

            PresenceChanged.prototype.toJSON = function() {
                return PresenceChanged.toObject(this, $protobuf.util.toJSONOptions);
            };

            PresenceChanged.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.PresenceChanged";
            };

            return PresenceChanged;
        })();

        v1.SetActive = (function() {

            const SetActive = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SetActive.prototype.active = false;

            SetActive.create = function(properties) {
                return new SetActive(properties);
            };

            SetActive.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.active != null && $Object.hasOwnProperty.call(message, "active") && message.active !== false)
                    writer.uint32(8).bool(message.active);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SetActive.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.SetActive();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.active = value;
                            else
                                delete message.active;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SetActive.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.SetActive)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.SetActive: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.SetActive();
                if (object.active != null)
                    if (object.active)
                        message.active = $Boolean(object.active);
                return message;
            };

            SetActive.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.active = false;
                if (message.active != null && $Object.hasOwnProperty.call(message, "active"))
                    object.active = message.active;
                return object;
            };

            SetActive.prototype.toJSON = function() {
                return SetActive.toObject(this, $protobuf.util.toJSONOptions);
            };

            SetActive.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.SetActive";
            };

            return SetActive;
        })();

        v1.SetPrivacy = (function() {

            const SetPrivacy = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SetPrivacy.prototype.lastSeen = 0;
            SetPrivacy.prototype.readReceipts = null;
            SetPrivacy.prototype.groupAdd = 0;

            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(SetPrivacy.prototype, "_readReceipts", {
                get: $util.oneOfGetter($oneOfFields = ["readReceipts"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            SetPrivacy.create = function(properties) {
                return new SetPrivacy(properties);
            };

            SetPrivacy.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen") && message.lastSeen !== 0)
                    writer.uint32(8).int32(message.lastSeen);
                if (message.readReceipts != null && $Object.hasOwnProperty.call(message, "readReceipts"))
                    writer.uint32(16).bool(message.readReceipts);
                if (message.groupAdd != null && $Object.hasOwnProperty.call(message, "groupAdd") && message.groupAdd !== 0)
                    writer.uint32(24).int32(message.groupAdd);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SetPrivacy.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.SetPrivacy();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.lastSeen = value;
                            else
                                delete message.lastSeen;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            message.readReceipts = reader.bool();
                            message._readReceipts = "readReceipts";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.groupAdd = value;
                            else
                                delete message.groupAdd;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SetPrivacy.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.SetPrivacy)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.SetPrivacy: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.SetPrivacy();
                if (object.lastSeen !== 0 && (typeof object.lastSeen !== "string" || $root.parley.v1.LastSeenVisibility[object.lastSeen] !== 0))
                    switch (object.lastSeen) {
                    case "LAST_SEEN_VISIBILITY_UNSPECIFIED":
                    case 0:
                        message.lastSeen = 0;
                        break;
                    case "LAST_SEEN_VISIBILITY_EVERYONE":
                    case 1:
                        message.lastSeen = 1;
                        break;
                    case "LAST_SEEN_VISIBILITY_CONTACTS":
                    case 2:
                        message.lastSeen = 2;
                        break;
                    case "LAST_SEEN_VISIBILITY_NOBODY":
                    case 3:
                        message.lastSeen = 3;
                        break;
                    default:
                        if (typeof object.lastSeen === "number" && (object.lastSeen | 0) === object.lastSeen)
                            message.lastSeen = object.lastSeen;
                    }
                if (object.readReceipts != null)
                    message.readReceipts = $Boolean(object.readReceipts);
                if (object.groupAdd !== 0 && (typeof object.groupAdd !== "string" || $root.parley.v1.GroupAddPolicy[object.groupAdd] !== 0))
                    switch (object.groupAdd) {
                    case "GROUP_ADD_POLICY_UNSPECIFIED":
                    case 0:
                        message.groupAdd = 0;
                        break;
                    case "GROUP_ADD_POLICY_EVERYONE":
                    case 1:
                        message.groupAdd = 1;
                        break;
                    case "GROUP_ADD_POLICY_CONTACTS":
                    case 2:
                        message.groupAdd = 2;
                        break;
                    case "GROUP_ADD_POLICY_NOBODY":
                    case 3:
                        message.groupAdd = 3;
                        break;
                    default:
                        if (typeof object.groupAdd === "number" && (object.groupAdd | 0) === object.groupAdd)
                            message.groupAdd = object.groupAdd;
                    }
                return message;
            };

            SetPrivacy.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.lastSeen = options.enums === $String ? "LAST_SEEN_VISIBILITY_UNSPECIFIED" : 0;
                    object.groupAdd = options.enums === $String ? "GROUP_ADD_POLICY_UNSPECIFIED" : 0;
                }
                if (message.lastSeen != null && $Object.hasOwnProperty.call(message, "lastSeen"))
                    object.lastSeen = options.enums === $String ? $root.parley.v1.LastSeenVisibility[message.lastSeen] === $undefined ? message.lastSeen : $root.parley.v1.LastSeenVisibility[message.lastSeen] : message.lastSeen;
                if (message.readReceipts != null && $Object.hasOwnProperty.call(message, "readReceipts"))
                    object.readReceipts = message.readReceipts;
                if (message.groupAdd != null && $Object.hasOwnProperty.call(message, "groupAdd"))
                    object.groupAdd = options.enums === $String ? $root.parley.v1.GroupAddPolicy[message.groupAdd] === $undefined ? message.groupAdd : $root.parley.v1.GroupAddPolicy[message.groupAdd] : message.groupAdd;
                return object;
            };

            SetPrivacy.prototype.toJSON = function() {
                return SetPrivacy.toObject(this, $protobuf.util.toJSONOptions);
            };

            SetPrivacy.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.SetPrivacy";
            };

            return SetPrivacy;
        })();

        v1.SetContacts = (function() {

            const SetContacts = function (properties) {
                this.userIds = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            SetContacts.prototype.userIds = $util.emptyArray;

            SetContacts.create = function(properties) {
                return new SetContacts(properties);
            };

            SetContacts.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userIds != null && message.userIds.length)
                    for (let i = 0; i < message.userIds.length; ++i)
                        writer.uint32(10).string(message.userIds[i]);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            SetContacts.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.SetContacts();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if (!(message.userIds && message.userIds.length))
                                message.userIds = [];
                            message.userIds.push(reader.stringVerify());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            SetContacts.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.SetContacts)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.SetContacts: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.SetContacts();
                if (object.userIds) {
                    if (!$Array.isArray(object.userIds))
                        throw $TypeError(".parley.v1.SetContacts.userIds: array expected");
                    message.userIds = $Array(object.userIds.length);
                    for (let i = 0; i < object.userIds.length; ++i)
                        message.userIds[i] = $String(object.userIds[i]);
                }
                return message;
            };

            SetContacts.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.arrays || options.defaults)
                    object.userIds = [];
                if (message.userIds && message.userIds.length) {
                    object.userIds = $Array(message.userIds.length);
                    for (let j = 0; j < message.userIds.length; ++j)
                        object.userIds[j] = message.userIds[j];
                }
                return object;
            };

            SetContacts.prototype.toJSON = function() {
                return SetContacts.toObject(this, $protobuf.util.toJSONOptions);
            };

            SetContacts.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.SetContacts";
            };

            return SetContacts;
        })();

        v1.Typing = (function() {

            const Typing = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            Typing.prototype.userId = null;
            Typing.prototype.groupId = null;
            Typing.prototype.typing = false;

            let $oneOfFields;

            $Object.defineProperty(Typing.prototype, "chat", {
                get: $util.oneOfGetter($oneOfFields = ["userId", "groupId"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            Typing.create = function(properties) {
                return new Typing(properties);
            };

            Typing.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    writer.uint32(10).string(message.userId);
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId"))
                    writer.uint32(18).string(message.groupId);
                if (message.typing != null && $Object.hasOwnProperty.call(message, "typing") && message.typing !== false)
                    writer.uint32(24).bool(message.typing);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            Typing.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.Typing();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.userId = reader.stringVerify();
                            message.chat = "userId";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            message.groupId = reader.stringVerify();
                            message.chat = "groupId";
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.typing = value;
                            else
                                delete message.typing;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            Typing.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.Typing)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.Typing: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.Typing();
                if (object.userId != null)
                    message.userId = $String(object.userId);
                if (object.groupId != null)
                    message.groupId = $String(object.groupId);
                if (object.typing != null)
                    if (object.typing)
                        message.typing = $Boolean(object.typing);
                return message;
            };

            Typing.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults)
                    object.typing = false;
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId")) {
                    object.userId = message.userId;
                    if (options.oneofs)
                        object.chat = "userId";
                }
                if (message.groupId != null && $Object.hasOwnProperty.call(message, "groupId")) {
                    object.groupId = message.groupId;
                    if (options.oneofs)
                        object.chat = "groupId";
                }
                if (message.typing != null && $Object.hasOwnProperty.call(message, "typing"))
                    object.typing = message.typing;
                return object;
            };

            Typing.prototype.toJSON = function() {
                return Typing.toObject(this, $protobuf.util.toJSONOptions);
            };

            Typing.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.Typing";
            };

            return Typing;
        })();

        v1.TypingChanged = (function() {

            const TypingChanged = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            TypingChanged.prototype.chatId = "";
            TypingChanged.prototype.userId = "";
            TypingChanged.prototype.typing = false;
            TypingChanged.prototype.expiresInMs = 0;

            TypingChanged.create = function(properties) {
                return new TypingChanged(properties);
            };

            TypingChanged.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.chatId != null && $Object.hasOwnProperty.call(message, "chatId") && message.chatId !== "")
                    writer.uint32(10).string(message.chatId);
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId") && message.userId !== "")
                    writer.uint32(18).string(message.userId);
                if (message.typing != null && $Object.hasOwnProperty.call(message, "typing") && message.typing !== false)
                    writer.uint32(24).bool(message.typing);
                if (message.expiresInMs != null && $Object.hasOwnProperty.call(message, "expiresInMs") && message.expiresInMs !== 0)
                    writer.uint32(32).uint32(message.expiresInMs);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            TypingChanged.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.TypingChanged();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.chatId = value;
                            else
                                delete message.chatId;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.userId = value;
                            else
                                delete message.userId;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.typing = value;
                            else
                                delete message.typing;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.expiresInMs = value;
                            else
                                delete message.expiresInMs;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            TypingChanged.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.TypingChanged)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.TypingChanged: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.TypingChanged();
                if (object.chatId != null)
                    if (typeof object.chatId !== "string" || object.chatId.length)
                        message.chatId = $String(object.chatId);
                if (object.userId != null)
                    if (typeof object.userId !== "string" || object.userId.length)
                        message.userId = $String(object.userId);
                if (object.typing != null)
                    if (object.typing)
                        message.typing = $Boolean(object.typing);
                if (object.expiresInMs != null)
                    if ($Number(object.expiresInMs) !== 0)
                        message.expiresInMs = object.expiresInMs >>> 0;
                return message;
            };

            TypingChanged.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.chatId = "";
                    object.userId = "";
                    object.typing = false;
                    object.expiresInMs = 0;
                }
                if (message.chatId != null && $Object.hasOwnProperty.call(message, "chatId"))
                    object.chatId = message.chatId;
                if (message.userId != null && $Object.hasOwnProperty.call(message, "userId"))
                    object.userId = message.userId;
                if (message.typing != null && $Object.hasOwnProperty.call(message, "typing"))
                    object.typing = message.typing;
                if (message.expiresInMs != null && $Object.hasOwnProperty.call(message, "expiresInMs"))
                    object.expiresInMs = message.expiresInMs;
                return object;
            };

            TypingChanged.prototype.toJSON = function() {
                return TypingChanged.toObject(this, $protobuf.util.toJSONOptions);
            };

            TypingChanged.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.TypingChanged";
            };

            return TypingChanged;
        })();

        v1.RegisterPushToken = (function() {

            const RegisterPushToken = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            RegisterPushToken.prototype.provider = "";
            RegisterPushToken.prototype.token = "";

            RegisterPushToken.create = function(properties) {
                return new RegisterPushToken(properties);
            };

            RegisterPushToken.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.provider != null && $Object.hasOwnProperty.call(message, "provider") && message.provider !== "")
                    writer.uint32(10).string(message.provider);
                if (message.token != null && $Object.hasOwnProperty.call(message, "token") && message.token !== "")
                    writer.uint32(18).string(message.token);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            RegisterPushToken.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.parley.v1.RegisterPushToken();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.provider = value;
                            else
                                delete message.provider;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.token = value;
                            else
                                delete message.token;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            RegisterPushToken.fromObject = function (object, _depth) {
                if (object instanceof $root.parley.v1.RegisterPushToken)
                    return object;
                if (!$util.isObject(object))
                    throw $TypeError(".parley.v1.RegisterPushToken: object expected");
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let message = new $root.parley.v1.RegisterPushToken();
                if (object.provider != null)
                    if (typeof object.provider !== "string" || object.provider.length)
                        message.provider = $String(object.provider);
                if (object.token != null)
                    if (typeof object.token !== "string" || object.token.length)
                        message.token = $String(object.token);
                return message;
            };

            RegisterPushToken.toObject = function (message, options, _depth) {
                if (!options)
                    options = {};
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                let object = {};
                if (options.defaults) {
                    object.provider = "";
                    object.token = "";
                }
                if (message.provider != null && $Object.hasOwnProperty.call(message, "provider"))
                    object.provider = message.provider;
                if (message.token != null && $Object.hasOwnProperty.call(message, "token"))
                    object.token = message.token;
                return object;
            };

            RegisterPushToken.prototype.toJSON = function() {
                return RegisterPushToken.toObject(this, $protobuf.util.toJSONOptions);
            };

            RegisterPushToken.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/parley.v1.RegisterPushToken";
            };

            return RegisterPushToken;
        })();

        return v1;
    })();

    return parley;
})();

export {
  $root as default
};
