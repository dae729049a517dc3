//! A serde `Deserializer` reading Python values in place: dicts with `str` keys, lists, tuples,
//! sets, `str`, `int`, finite `float`, `bool`, `None`, `date` and aware `datetime` (ISO 8601),
//! `UUID`. It accepts what `serde_json::Value` did before (the engine's serde impls decide every
//! rule of shape) without building that intermediate tree: a search's query crosses in about
//! half the time.

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PySet, PyString, PyTuple};
use serde::de::{self, IntoDeserializer, Visitor};
use std::fmt;

/// Why a value could not be read: a Python error (raised as is, `TypeError` or `ValueError`),
/// a value of the wrong type where a serde impl expected another (a `TypeError`), or the
/// engine's serde impls refusing the shape (a `ValueError`); both name the argument.
#[derive(Debug)]
pub enum Error {
    /// Raised by Python or by the walk (wrong type, NaN, naive datetime).
    Py(PyErr),
    /// A value of another type than a serde impl expects (`None` for an id, a number for a
    /// string).
    Type(String),
    /// Refused by a serde impl.
    Shape(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Py(e) => write!(f, "{e}"),
            Error::Type(m) | Error::Shape(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error::Shape(msg.to_string())
    }

    /// `None` is named `null`, as serde_json (which read these values before) names it.
    fn invalid_type(unexpected: de::Unexpected<'_>, expected: &dyn de::Expected) -> Self {
        let unexpected = match unexpected {
            de::Unexpected::Unit => "null".to_string(),
            other => other.to_string(),
        };
        Error::Type(format!("invalid type: {unexpected}, expected {expected}"))
    }
}

impl From<PyErr> for Error {
    fn from(e: PyErr) -> Self {
        Error::Py(e)
    }
}

impl Error {
    /// The Python exception, `what` naming the argument.
    pub fn into_py(self, what: &str) -> PyErr {
        match self {
            Error::Py(e) => e,
            Error::Type(m) => PyTypeError::new_err(format!("invalid {what}: {m}")),
            Error::Shape(m) => PyValueError::new_err(format!("invalid {what}: {m}")),
        }
    }
}

type Result<T> = std::result::Result<T, Error>;

static DATE_CLASSES: PyOnceLock<(Py<PyAny>, Py<PyAny>, Py<PyAny>)> = PyOnceLock::new();

/// One Python value to deserialise; `what` names the argument in error messages.
pub struct Value<'a, 'py> {
    value: Bound<'py, PyAny>,
    what: &'a str,
}

impl<'a, 'py> Value<'a, 'py> {
    /// Reads `value`.
    pub fn new(what: &'a str, value: Bound<'py, PyAny>) -> Self {
        Value { value, what }
    }

    fn at(&self, value: Bound<'py, PyAny>) -> Self {
        Value {
            value,
            what: self.what,
        }
    }

    /// The ISO text of a `date`, an aware `datetime` or a `UUID`, or `TypeError`.
    fn special(&self) -> Result<String> {
        let (value, what) = (&self.value, self.what);
        let py = value.py();
        let (datetime, date, uuid) = DATE_CLASSES.get_or_try_init(py, || {
            let m = py.import("datetime")?;
            PyResult::Ok((
                m.getattr("datetime")?.unbind(),
                m.getattr("date")?.unbind(),
                py.import("uuid")?.getattr("UUID")?.unbind(),
            ))
        })?;
        if value.is_instance(datetime.bind(py))? {
            if value.call_method0("utcoffset")?.is_none() {
                return Err(PyValueError::new_err(format!(
                    "invalid {what}: naive datetime {}: give a timezone-aware datetime",
                    value.str()?
                ))
                .into());
            }
            return Ok(value.call_method0("isoformat")?.extract()?);
        }
        if value.is_instance(date.bind(py))? {
            return Ok(value.call_method0("isoformat")?.extract()?);
        }
        if value.is_instance(uuid.bind(py))? {
            return Ok(value.str()?.to_cow()?.into_owned());
        }
        Err(PyTypeError::new_err(format!(
            "invalid {what}: object of type {} cannot be given to the engine",
            value.get_type().name()?
        ))
        .into())
    }
}

impl<'de> de::Deserializer<'de> for Value<'_, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        let (value, what) = (&self.value, self.what);
        if value.is_none() {
            return visitor.visit_unit();
        }
        if let Ok(b) = value.cast::<PyBool>() {
            return visitor.visit_bool(b.is_true());
        }
        if let Ok(i) = value.cast::<PyInt>() {
            if let Ok(n) = i.extract::<i64>() {
                return visitor.visit_i64(n);
            }
            return match i.extract::<u64>() {
                Ok(n) => visitor.visit_u64(n),
                Err(_) => Err(PyValueError::new_err(format!(
                    "invalid {what}: integer {i} out of range"
                ))
                .into()),
            };
        }
        if let Ok(f) = value.cast::<PyFloat>() {
            let x = f.value();
            if !x.is_finite() {
                return Err(PyValueError::new_err(format!(
                    "invalid {what}: NaN and infinite numbers are not accepted, got {x}"
                ))
                .into());
            }
            return visitor.visit_f64(x);
        }
        if let Ok(s) = value.cast::<PyString>() {
            return visitor.visit_str(&s.to_cow()?);
        }
        if let Ok(d) = value.cast::<PyDict>() {
            let items = d
                .iter()
                .map(|(k, v)| {
                    let key = k.cast::<PyString>().map_err(|_| {
                        PyTypeError::new_err(format!(
                            "invalid {what}: dict keys must be str, got {k:?}"
                        ))
                    })?;
                    Ok((key.to_cow()?.into_owned(), v))
                })
                .collect::<Result<Vec<_>>>()?;
            return visitor.visit_map(Map {
                items: items.into_iter(),
                value: None,
                parent: &self,
            });
        }
        if value.is_instance_of::<PyList>()
            || value.is_instance_of::<PyTuple>()
            || value.is_instance_of::<PySet>()
            || value.is_instance_of::<PyFrozenSet>()
        {
            let items = value.try_iter()?.collect::<PyResult<Vec<_>>>()?;
            return visitor.visit_seq(Seq {
                items: items.into_iter(),
                parent: &self,
            });
        }
        visitor.visit_string(self.special()?)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        if self.value.is_none() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        if let Ok(s) = self.value.cast::<PyString>() {
            let variant: String = s.to_cow()?.into_owned();
            return visitor.visit_enum(IntoDeserializer::<Error>::into_deserializer(variant));
        }
        if let Ok(d) = self.value.cast::<PyDict>()
            && d.len() == 1
            && let Some((k, v)) = d.iter().next()
        {
            let variant = k.cast::<PyString>().map_err(|_| {
                Error::Shape("invalid type: map with a non-str key, expected an enum".into())
            })?;
            return visitor.visit_enum(Enum {
                variant: variant.to_cow()?.into_owned(),
                value: self.at(v),
            });
        }
        // serde_json's messages, which these values met before.
        Err(Error::Shape(if self.value.is_instance_of::<PyDict>() {
            "invalid value: map, expected map with a single key".into()
        } else {
            "invalid type: expected string or map".into()
        }))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

struct Map<'p, 'a, 'py> {
    items: std::vec::IntoIter<(String, Bound<'py, PyAny>)>,
    value: Option<Bound<'py, PyAny>>,
    parent: &'p Value<'a, 'py>,
}

impl<'de> de::MapAccess<'de> for Map<'_, '_, '_> {
    type Error = Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        match self.items.next() {
            Some((k, v)) => {
                self.value = Some(v);
                seed.deserialize(IntoDeserializer::<Error>::into_deserializer(k))
                    .map(Some)
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let value = self
            .value
            .take()
            .ok_or_else(|| Error::Shape("a map value was read before its key".into()))?;
        seed.deserialize(self.parent.at(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Seq<'p, 'a, 'py> {
    items: std::vec::IntoIter<Bound<'py, PyAny>>,
    parent: &'p Value<'a, 'py>,
}

impl<'de> de::SeqAccess<'de> for Seq<'_, '_, '_> {
    type Error = Error;

    fn next_element_seed<T: de::DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>> {
        self.items
            .next()
            .map(|v| seed.deserialize(self.parent.at(v)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Enum<'a, 'py> {
    variant: String,
    value: Value<'a, 'py>,
}

impl<'de, 'a, 'py> de::EnumAccess<'de> for Enum<'a, 'py> {
    type Error = Error;
    type Variant = Value<'a, 'py>;

    fn variant_seed<V: de::DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Self::Variant)> {
        let variant =
            seed.deserialize(IntoDeserializer::<Error>::into_deserializer(self.variant))?;
        Ok((variant, self.value))
    }
}

impl<'de> de::VariantAccess<'de> for Value<'_, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        de::Deserialize::deserialize(self)
    }

    fn newtype_variant_seed<T: de::DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        seed.deserialize(self)
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        de::Deserializer::deserialize_seq(self, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        de::Deserializer::deserialize_map(self, visitor)
    }
}
